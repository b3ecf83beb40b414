/**
 * The bulk writes of a mission import. New missions, their links and their first revision go in
 * a thousand at a time as `insert … select from unnest(…)`: one array parameter per column
 * instead of one parameter per value, which PGlite and PostgreSQL parse and bind about five times
 * faster than a multi-row VALUES list. Runs inside the import's transaction.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { missionObjectives, missionPartners, missionRevisions, missions } from "../../db/schema/index.js";
import type { Actor } from "../auth/actor.js";
import type { PlannedMission } from "./mission-import.plan.js";
import { missionValues } from "./roadmap.service.js";

const BATCH = 1000;

/** An array bound as one parameter (drizzle would otherwise spread it into a list of values). */
const arr = (values: unknown[]) => sql.param(values);
const json = (values: unknown[]) => arr(values.map((v) => JSON.stringify(v)));

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < items.length; k += size) out.push(items.slice(k, k + size));
  return out;
}

const who = (actor: Actor) =>
  actor.kind === "person"
    ? { actorName: actor.name, agencyAcronym: actor.organisationAcronym }
    : { actorName: actor.kind === "system" ? actor.name : "visitor", agencyAcronym: null };

/** Inserts new missions a thousand per statement; returns their ids by slug. */
async function insertMissions(tx: Db, batch: PlannedMission[], now: Date): Promise<Map<string, number>> {
  const c = batch.map((p) => p.columns);
  const res = (await tx.execute(sql`
    insert into ${missions} (slug, name, lead_organisation_id, lead_other, other_partners, destination,
      crewed, launch_on, launch_precision, ends_on, end_precision, status, instruments,
      studies_polar_volatiles, description, sources, uncertain, uncertainty_note, created_at, updated_at)
    select u.*, ${now}::timestamptz, ${now}::timestamptz from unnest(
      ${arr(c.map((m) => m.slug))}::text[], ${arr(c.map((m) => m.name))}::text[],
      ${arr(c.map((m) => m.leadOrganisationId ?? null))}::int[], ${arr(c.map((m) => m.leadOther ?? null))}::text[],
      ${json(c.map((m) => m.otherPartners ?? []))}::jsonb[], ${arr(c.map((m) => m.destination))}::text[],
      ${arr(c.map((m) => m.crewed ?? false))}::boolean[], ${arr(c.map((m) => m.launchOn ?? null))}::date[],
      ${arr(c.map((m) => m.launchPrecision ?? null))}::text[], ${arr(c.map((m) => m.endsOn ?? null))}::date[],
      ${arr(c.map((m) => m.endPrecision ?? null))}::text[], ${arr(c.map((m) => m.status))}::text[],
      ${json(c.map((m) => m.instruments ?? []))}::jsonb[], ${arr(c.map((m) => m.studiesPolarVolatiles ?? false))}::boolean[],
      ${arr(c.map((m) => m.description ?? null))}::text[], ${json(c.map((m) => m.sources ?? []))}::jsonb[],
      ${arr(c.map((m) => m.uncertain ?? false))}::boolean[], ${arr(c.map((m) => m.uncertaintyNote ?? null))}::text[]
    ) as u
    returning id, slug`)) as unknown as { rows: Array<{ id: number; slug: string }> };
  return new Map(res.rows.map((r) => [r.slug, Number(r.id)]));
}

/** Inserts the partner and objective links of missions (already emptied for updated ones). */
async function insertLinks(tx: Db, items: Array<{ p: PlannedMission; id: number }>) {
  const partners = items.flatMap(({ p, id }) => p.partnerIds.map((org) => [id, org] as const));
  for (const b of chunks(partners, BATCH * 5)) {
    await tx.execute(sql`insert into ${missionPartners} (mission_id, organisation_id)
      select * from unnest(${arr(b.map((x) => x[0]))}::int[], ${arr(b.map((x) => x[1]))}::int[])`);
  }
  const objectives = items.flatMap(({ p, id }) => (p.objectiveIds ?? []).map((o) => [id, o] as const));
  for (const b of chunks(objectives, BATCH * 5)) {
    await tx.execute(sql`insert into ${missionObjectives} (mission_id, objective_id)
      select * from unnest(${arr(b.map((x) => x[0]))}::int[], ${arr(b.map((x) => x[1]))}::int[])`);
  }
}

/** One revision per mission, with the same author, time and summary. */
async function insertRevisions(
  tx: Db,
  rows: Array<{ id: number; before: unknown; after: unknown }>,
  actor: Actor,
  now: Date,
  summary: (k: number) => string,
) {
  const { actorName, agencyAcronym } = who(actor);
  await tx.execute(sql`insert into ${missionRevisions} (mission_id, at, actor_name, agency_acronym, summary, before, after)
    select u.id, ${now}::timestamptz, ${actorName}, ${agencyAcronym}::text, u.summary, u.before, u.after from unnest(
      ${arr(rows.map((r) => r.id))}::int[], ${arr(rows.map((_, k) => summary(k)))}::text[],
      ${arr(rows.map((r) => (r.before == null ? null : JSON.stringify(r.before))))}::jsonb[],
      ${json(rows.map((r) => r.after))}::jsonb[]) as u(id, summary, before, after)`);
}

/** Creates the planned new missions with their links and an "Added by import" revision each. */
export async function createMissions(tx: Db, actor: Actor, planned: PlannedMission[], now: Date) {
  for (const batch of chunks(planned, BATCH)) {
    const ids = await insertMissions(tx, batch, now);
    const items = batch.map((p) => ({ p, id: ids.get(p.slug)! }));
    await insertLinks(tx, items);
    const revisions = items.map(({ p, id }) => ({ id, before: null, after: p.after }));
    await insertRevisions(tx, revisions, actor, now, () => "Added by import");
  }
}

/** Updates changed missions: one UPDATE each, links replaced and one revision each, in batches. */
export async function updateMissions(tx: Db, actor: Actor, planned: PlannedMission[], now: Date) {
  for (const batch of chunks(planned, BATCH)) {
    for (const p of batch) {
      await tx
        .update(missions)
        .set({ ...p.columns, updatedAt: now })
        .where(eq(missions.id, p.current!.id));
    }
    const ids = batch.map((p) => p.current!.id);
    await tx.delete(missionPartners).where(inArray(missionPartners.missionId, ids));
    const withObjectives = batch.filter((p) => p.objectiveIds !== undefined).map((p) => p.current!.id);
    if (withObjectives.length) {
      await tx.delete(missionObjectives).where(inArray(missionObjectives.missionId, withObjectives));
    }
    await insertLinks(
      tx,
      batch.map((p) => ({ p, id: p.current!.id })),
    );
    const revisions = batch.map((p) => {
      const before = missionValues(p.current!) as Record<string, unknown>;
      const after = p.after as Record<string, unknown>;
      const pick = (o: Record<string, unknown>) => Object.fromEntries(p.changed.map((k) => [k, o[k]]));
      return { id: p.current!.id, before: pick(before), after: pick(after) };
    });
    await insertRevisions(
      tx,
      revisions,
      actor,
      now,
      (k) => `Changed ${batch[k]!.changed.join(", ")} (import)`,
    );
  }
}
