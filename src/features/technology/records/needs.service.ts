import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { missions, technologies, technologyNeeds } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { type FieldErrors, forbidden, invalid, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { canEditNeed } from "../technology.policy.js";
import { type NeedInput, needInput } from "../technology.schemas.js";
import type { Resolved } from "./capabilities.service.js";
import { findNeed, type Need } from "./records.queries.js";

const notYours =
  "Only the secretariat and the focal points of the mission's lead agency (chairs, for architecture elements) can change this need.";

type NeedIds = { technologyId: number; missionId: number | null; leadOrganisationId: number | null };

/** The ids a need's input names: the technology by code and the mission by slug, or field errors. */
export async function resolveNeed(db: Db, v: NeedInput): Promise<Resolved<NeedIds>> {
  const [tech] = await db
    .select({ id: technologies.id })
    .from(technologies)
    .where(eq(technologies.code, v.technology));
  const [mission] = v.mission
    ? await db
        .select({ id: missions.id, lead: missions.leadOrganisationId })
        .from(missions)
        .where(eq(missions.slug, v.mission))
    : [];
  const errors: FieldErrors = {};
  if (!tech) errors.technology = `There is no technology ${v.technology} in the list.`;
  if (v.mission && !mission) errors.mission = `There is no mission ${v.mission}.`;
  if (!tech || (v.mission && !mission)) return { ok: false, errors };
  return {
    ok: true,
    ids: { technologyId: tech.id, missionId: mission?.id ?? null, leadOrganisationId: mission?.lead ?? null },
  };
}

const columnsOf = (v: NeedInput, ids: NeedIds) => ({
  technologyId: ids.technologyId,
  missionId: ids.missionId,
  element: ids.missionId ? null : v.element,
  trlNeeded: v.trlNeeded,
  neededBy: v.neededBy,
  note: v.note,
});

const subjectOf = (v: NeedInput) => (v.mission ? `mission ${v.mission}` : `element "${v.element}"`);

/** Records what a mission or architecture element needs (real dataset). */
export async function createNeed(deps: Deps, actor: Actor, input: unknown): Promise<Need> {
  const v = parseInput(needInput, input);
  const resolved = await resolveNeed(deps.db, v);
  if (!resolved.ok) throw invalid(resolved.errors);
  if (!canEditNeed(actor, resolved.ids)) throw forbidden(notYours);
  const id = await write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(technologyNeeds)
      .values({ ...columnsOf(v, resolved.ids), updatedBy: actor.kind === "person" ? actor.id : null })
      .returning({ id: technologyNeeds.id });
    await audit({
      action: "technology.need.add",
      subjectType: "technology_need",
      subjectId: row!.id,
      summary: `Recorded that ${subjectOf(v)} needs ${v.technology} at TRL ${v.trlNeeded} by ${v.neededBy}`,
      details: { after: v },
    });
    return row!.id;
  });
  return (await findNeed(deps.db, id))!;
}

/** Changes a real need; whoever may edit it before and after the change must be the actor. */
export async function updateNeed(deps: Deps, actor: Actor, id: number, input: unknown): Promise<Need> {
  const before = await findNeed(deps.db, id);
  if (!before) throw notFound("The need");
  if (!canEditNeed(actor, before)) throw forbidden(notYours);
  const v = parseInput(needInput, input);
  const resolved = await resolveNeed(deps.db, v);
  if (!resolved.ok) throw invalid(resolved.errors);
  // Moving a need to a mission of another agency would hand it to someone else: not allowed.
  if (!canEditNeed(actor, resolved.ids))
    throw invalid({ mission: "You can only move a need to a mission your agency leads." });
  await write(deps, actor, async (tx, audit) => {
    await tx
      .update(technologyNeeds)
      .set({
        ...columnsOf(v, resolved.ids),
        updatedBy: actor.kind === "person" ? actor.id : null,
        updatedAt: deps.now(),
      })
      .where(eq(technologyNeeds.id, id));
    await audit({
      action: "technology.need.update",
      subjectType: "technology_need",
      subjectId: id,
      summary: `Changed a need of ${subjectOf(v)} for ${v.technology}`,
      details: { before: needValues(before), after: v },
    });
  });
  return (await findNeed(deps.db, id))!;
}

/** Deletes a real need (after the confirmation page). */
export async function deleteNeed(deps: Deps, actor: Actor, id: number): Promise<void> {
  const before = await findNeed(deps.db, id);
  if (!before) throw notFound("The need");
  if (!canEditNeed(actor, before)) throw forbidden(notYours);
  await write(deps, actor, async (tx, audit) => {
    await tx.delete(technologyNeeds).where(eq(technologyNeeds.id, id));
    await audit({
      action: "technology.need.delete",
      subjectType: "technology_need",
      subjectId: id,
      summary: `Deleted a need of ${before.missionName ?? before.element} for ${before.technologyCode}`,
      details: { before: needValues(before) },
    });
  });
}

/** A need as people, exports and the API write it: the inverse of the input schema. */
export function needValues(n: Need) {
  return {
    id: n.id,
    mission: n.missionSlug,
    element: n.missionSlug ? null : n.element,
    technology: n.technologyCode,
    trlNeeded: n.trlNeeded,
    neededBy: n.neededBy,
    note: n.note,
  };
}

/** A need's subject for people: the mission's name or the element. */
export const needLabel = (n: Need) => n.missionName ?? n.element ?? "";
