import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { missionRevisions, missions } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import {
  changedFields,
  pickFields,
  type Revisions,
  restoreRevision,
  rewind,
  type Saved,
  saveRevision,
} from "../../kit/revisions.js";
import { resolve } from "./missions.resolve.service.js";
import { revisionAuthor } from "./revision-author.service.js";
import { canChooseMissionLead, canEditMission } from "./roadmap.policy.js";
import { type MissionValues, missionValues } from "./roadmap.presenter.js";
import {
  findMissionBySlug,
  findMissionRevision,
  listBeforesSince,
  type Mission,
  type Revision,
} from "./roadmap.queries.js";
import { type MissionInput, missionFieldLabel, missionInput } from "./roadmap.schemas.js";
import { findMissionById, saveObjectives, savePartners } from "./roadmap.service.js";

const onlyLead = "Only the lead agency's focal points and the secretariat can change this mission.";

/** One save of a mission with the mission's whole values as that save left them. */
export type MissionVersion = { revision: Revision; values: MissionValues };

/** What a save changed: the summary the history shows, and the changed values before and after. */
function changeOf(current: Mission, updated: Mission, note: string | null) {
  const before = missionValues(current) as Record<string, unknown>;
  const after = missionValues(updated) as Record<string, unknown>;
  const changed = changedFields(before, after);
  const what = changed.length
    ? `Changed ${changed.map(missionFieldLabel).join(", ")}`
    : "Saved without changes";
  return {
    summary: `${what}${note ? ` (${note})` : ""}`,
    before: pickFields(before, changed),
    after: pickFields(after, changed),
  };
}

/**
 * A mission's versions keep only what each save changed (an import writes 100,000 of them), so a
 * version's whole values are the current ones with every later save's `before` put back.
 */
const missionVersions = (deps: Pick<Deps, "now">): Revisions<Mission, MissionInput, MissionVersion> => ({
  recordName: "The mission",
  revisionName: "This version of the mission",
  allowed: canEditMission,
  refusal: onlyLead,
  find: (db, mission, id) => findMissionVersion(db, mission, id),
  snapshotOf: (v) => parseInput(missionInput, v.values),
  save: async (tx, actor, current, input, note) => {
    const { columns, partnerIds, objectiveIds } = await resolve({ db: tx }, actor, input, current);
    await tx
      .update(missions)
      .set({ ...columns, updatedAt: deps.now() })
      .where(eq(missions.id, current.id));
    await savePartners(tx, current.id, partnerIds);
    await saveObjectives(tx, current.id, objectiveIds);
    const updated = (await findMissionById(tx, current.id))!;
    const [row] = await tx
      .insert(missionRevisions)
      .values({
        missionId: current.id,
        ...revisionAuthor(actor),
        at: deps.now(),
        ...changeOf(current, updated, note),
      })
      .returning({ id: missionRevisions.id });
    return { record: updated, ref: row!.id };
  },
});

/** One save of a mission with the values it left; undefined when it is not this mission's. */
export async function findMissionVersion(db: Db, mission: Mission, id: number) {
  const revision = await findMissionRevision(db, mission.id, id);
  if (!revision) return undefined;
  const values = rewind(missionValues(mission), await listBeforesSince(db, revision));
  return { revision, values: { ...values, slug: mission.slug } };
}

/** The values a restore puts back: the version's, but the lead stays unless the actor may choose it. */
export function valuesToRestore(actor: Actor, current: Mission, v: MissionVersion): MissionValues {
  if (canChooseMissionLead(actor)) return v.values;
  return { ...v.values, lead: current.leadAcronym, leadOther: current.leadOther };
}

/** The audit entry of a mission save. */
const describe =
  (action: string, what: string, current: Mission, note: string | null) =>
  ({ record }: Saved<Mission>) => {
    const { summary, before, after } = changeOf(current, record, note);
    return {
      action,
      subjectType: "mission",
      subjectId: current.id,
      summary: `${what} ${record.name}: ${summary}`,
      details: { before, after },
    };
  };

/** Changes a mission: the lead agency's focal points or the secretariat. */
export async function updateMission(
  deps: Deps,
  actor: Actor,
  slug: string,
  raw: unknown,
  opts: { via?: string } = {},
): Promise<Mission> {
  const current = await findMissionBySlug(deps.db, slug);
  if (!current) throw notFound("The mission");
  if (!canEditMission(actor, current)) throw forbidden(onlyLead);
  const input = parseInput(missionInput, raw);
  const note = opts.via ?? null;
  return saveRevision(deps, actor, missionVersions(deps), current, input, {
    note,
    describe: describe("mission.update", "Updated mission", current, note),
  });
}

/**
 * Brings back the values one save left, as a new save on top of the history. The address stays,
 * and so does the lead agency when a focal point restores (only the secretariat chooses a lead).
 */
export async function restoreMissionRevision(deps: Deps, actor: Actor, slug: string, id: number) {
  const current = await findMissionBySlug(deps.db, slug);
  const kind = missionVersions(deps);
  const keepLead = (v: MissionVersion) =>
    current ? { ...v, values: valuesToRestore(actor, current, v) } : v;
  const note = (v: MissionVersion) => `restored the version of ${stamp(v.revision.at)}`;
  return restoreRevision(
    deps,
    actor,
    { ...kind, snapshotOf: (v) => kind.snapshotOf(keepLead(v)) },
    current,
    id,
    {
      note,
      describe: (saved, v) => describe("mission.restore", "Restored mission", current!, note(v))(saved),
    },
  );
}

const stamp = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
