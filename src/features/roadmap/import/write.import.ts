/**
 * The bulk writes of a mission import, inside the import's transaction. Each batch of a thousand
 * missions travels as one JSON parameter read on the server by `json_to_recordset`: one statement
 * per batch writes the missions, their partner and objective links and their revisions, instead
 * of one array parameter per column (which the driver escapes element by element) and four
 * round trips.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import type { Actor } from "../../../http/actor.js";
import { revisionAuthor } from "../revision-author.service.js";

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

/** A batch's records (see `encodeBatch`), JSON in UTF-8 bytes, as rows of the record's columns. */
const recordset = (batch: Uint8Array) => {
  const bytes = Buffer.from(batch.buffer, batch.byteOffset, batch.byteLength);
  return sql`json_to_recordset(convert_from(${bytes}::bytea, 'UTF8')::json) as u(${recordColumns})`;
};

/** Links and a revision for every mission of the batch `m` (id, slug) joined to its record. */
const linksAndRevisions = (actor: Actor, now: Date) => {
  const { actorId, actorName, agencyAcronym } = revisionAuthor(actor);
  return sql`, p as (
      insert into mission_partners (mission_id, organisation_id)
      select m.id, x from m join u using (slug) cross join unnest(u.partners) as x
    ), o as (
      insert into mission_objectives (mission_id, objective_id)
      select m.id, x from m join u using (slug) cross join unnest(u.objectives) as x
    )
    insert into mission_revisions (mission_id, at, actor_id, actor_name, agency_acronym, summary, before, after)
    select m.id, ${now}::timestamptz, ${actorId}::integer, ${actorName}, ${agencyAcronym}::text, u.summary, u.before, u.after
    from m join u using (slug)`;
};

/** Creates the missions of a batch with their links and revisions. */
export async function createMissions(tx: Db, actor: Actor, batch: Uint8Array, now: Date) {
  await tx.execute(sql`with u as (
      select * from ${recordset(batch)}
    ), m as (
      insert into missions (${columnList}, created_at, updated_at)
      select ${valueList}, ${now}::timestamptz, ${now}::timestamptz from u
      returning id, slug
    )${linksAndRevisions(actor, now)}`);
}

/** Updates the missions of a batch: columns, links replaced, revisions. */
export async function updateMissions(tx: Db, actor: Actor, batch: Uint8Array, now: Date) {
  const input = recordset(batch);
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
