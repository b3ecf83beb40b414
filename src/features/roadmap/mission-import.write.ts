/**
 * The bulk writes of a mission import, inside the import's transaction. Each batch of a thousand
 * missions travels as one JSON parameter read on the server by `json_to_recordset`: one statement
 * per batch writes the missions, their partner and objective links and their revisions, instead
 * of one array parameter per column (which the driver escapes element by element) and four
 * round trips.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { Actor } from "../auth/actor.js";
import type { PlannedMission } from "./mission-import.plan.js";
import { missionValues } from "./roadmap.service.js";

/** The columns of one record of the batch, as `json_to_recordset` reads them. */
const recordColumns = sql.raw(`slug text, name text, "leadOrganisationId" int, "leadOther" text,
  "otherPartners" jsonb, destination text, crewed boolean, "launchOn" date, "launchPrecision" text,
  "endsOn" date, "endPrecision" text, status text, instruments jsonb, "studiesPolarVolatiles" boolean,
  description text, sources jsonb, uncertain boolean, "uncertaintyNote" text,
  id int, partners int[], objectives int[], "replaceObjectives" boolean, summary text, before json, after json`);

const columnList = sql.raw(`slug, name, lead_organisation_id, lead_other, other_partners, destination,
  crewed, launch_on, launch_precision, ends_on, end_precision, status, instruments,
  studies_polar_volatiles, description, sources, uncertain, uncertainty_note`);

const valueList = sql.raw(`u.slug, u.name, u."leadOrganisationId", u."leadOther",
  coalesce(u."otherPartners", '[]'), u.destination, coalesce(u.crewed, false), u."launchOn",
  u."launchPrecision", u."endsOn", u."endPrecision", u.status, coalesce(u.instruments, '[]'),
  coalesce(u."studiesPolarVolatiles", false), u.description, coalesce(u.sources, '[]'),
  coalesce(u.uncertain, false), u."uncertaintyNote"`);

const who = (actor: Actor) =>
  actor.kind === "person"
    ? { actorName: actor.name, agencyAcronym: actor.organisationAcronym }
    : { actorName: actor.kind === "system" ? actor.name : "visitor", agencyAcronym: null };

/**
 * One record of a batch: the mission's columns, its links and its revision. Empty values (null,
 * false, []) are left out, which `json_to_recordset` reads as null and the statement turns back
 * into the column's default: a third less JSON for the database to read.
 */
function record(p: PlannedMission, summary: string, before: unknown) {
  const r: Record<string, unknown> = {};
  const fields: Record<string, unknown> = p.columns;
  for (const key in fields) {
    const v = fields[key];
    if (v !== null && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)) r[key] = v;
  }
  if (p.current) r.id = p.current.id;
  if (p.partnerIds.length) r.partners = p.partnerIds;
  if (p.objectiveIds?.length) r.objectives = p.objectiveIds;
  if (p.objectiveIds !== undefined) r.replaceObjectives = true;
  r.summary = summary;
  if (before != null) r.before = before;
  r.after = p.after;
  return r;
}

/**
 * The batch as one JSON document, read on the server as rows of the record's columns. It goes as
 * UTF-8 bytes: a text parameter of a megabyte costs the embedded database's driver a pass per
 * character to measure and copy it, bytes are copied in one go (see `pgliteOptions`).
 */
const recordset = (records: unknown[]) =>
  sql`json_to_recordset(convert_from(${Buffer.from(JSON.stringify(records))}::bytea, 'UTF8')::json) as u(${recordColumns})`;

/** Links and a revision for every mission of the batch `m` (id, slug) joined to its record. */
const linksAndRevisions = (actor: Actor, now: Date) => {
  const { actorName, agencyAcronym } = who(actor);
  return sql`, p as (
      insert into mission_partners (mission_id, organisation_id)
      select m.id, x from m join u using (slug) cross join unnest(u.partners) as x
    ), o as (
      insert into mission_objectives (mission_id, objective_id)
      select m.id, x from m join u using (slug) cross join unnest(u.objectives) as x
    )
    insert into mission_revisions (mission_id, at, actor_name, agency_acronym, summary, before, after)
    select m.id, ${now}::timestamptz, ${actorName}, ${agencyAcronym}::text, u.summary, u.before, u.after
    from m join u using (slug)`;
};

/** Creates a batch of planned new missions with their links and an "Added by import" revision each. */
export async function createMissions(tx: Db, actor: Actor, batch: PlannedMission[], now: Date) {
  if (batch.length === 0) return;
  const records = batch.map((p) => record(p, "Added by import", null));
  await tx.execute(sql`with u as (
      select * from ${recordset(records)}
    ), m as (
      insert into missions (${columnList}, created_at, updated_at)
      select ${valueList}, ${now}::timestamptz, ${now}::timestamptz from u
      returning id, slug
    )${linksAndRevisions(actor, now)}`);
}

/** Updates a batch of changed missions: columns, links replaced, and a revision of what changed each. */
export async function updateMissions(tx: Db, actor: Actor, batch: PlannedMission[], now: Date) {
  if (batch.length === 0) return;
  const records = batch.map((p) => {
    const before = missionValues(p.current!) as Record<string, unknown>;
    const after = p.after as Record<string, unknown>;
    const pick = (o: Record<string, unknown>) => Object.fromEntries(p.changed.map((k) => [k, o[k]]));
    const summary = `Changed ${p.changed.join(", ")} (import)`;
    return { ...record(p, summary, pick(before)), after: pick(after) };
  });
  const input = recordset(records);
  // Old links go first, in their own statements: a statement's parts do not see each other's rows.
  await tx.execute(sql`delete from mission_partners where mission_id in (select u.id from ${input})`);
  await tx.execute(
    sql`delete from mission_objectives where mission_id in (select u.id from ${input} where u."replaceObjectives" is true)`,
  );
  await tx.execute(sql`with u as (select * from ${input}), m as (
      update missions set (${columnList}, updated_at) = (${valueList}, ${now}::timestamptz)
      from u where missions.id = u.id
      returning missions.id, missions.slug
    )${linksAndRevisions(actor, now)}`);
}
