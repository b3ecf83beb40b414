import { and, asc, count, desc, eq, getTableColumns, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  gerObjectives,
  missionObjectives,
  missionPartners,
  missionProposals,
  missionRevisions,
  missions,
  organisations,
} from "../../db/schema/index.js";
import { listRevisionPage } from "../../kit/revisions.js";
import type { MissionFilters } from "./roadmap.schemas.js";

/** A mission's columns, without the search vector (only read in SQL, see features/search). */
export type MissionRow = Omit<typeof missions.$inferSelect, "search">;
const { search: _search, ...missionColumns } = getTableColumns(missions);
/** A mission with its lead's acronym and its member partners (acronym and id). */
export type Mission = MissionRow & {
  leadAcronym: string | null;
  leadSlug: string | null;
  partners: Array<{ id: number; acronym: string; slug: string }>;
  /** Codes of the GER objectives the mission serves. */
  objectives: string[];
};
export type Revision = typeof missionRevisions.$inferSelect;
export type Proposal = typeof missionProposals.$inferSelect;

function conditions(f: MissionFilters): SQL[] {
  const where: SQL[] = [];
  if (f.destination) where.push(eq(missions.destination, f.destination));
  if (f.status) where.push(eq(missions.status, f.status));
  if (f.from) where.push(sql`extract(year from ${missions.launchOn}) >= ${f.from}`);
  if (f.to) where.push(sql`extract(year from ${missions.launchOn}) <= ${f.to}`);
  if (f.agency) {
    const acronym = f.agency.toLowerCase();
    const leads = sql`exists (select 1 from ${organisations} o where o.id = ${missions.leadOrganisationId}
        and lower(o.acronym) = ${acronym})`;
    if (f.role === "lead") where.push(leads);
    else
      where.push(sql`(${leads}
      or exists (select 1 from ${missionPartners} p join ${organisations} o on o.id = p.organisation_id
        where p.mission_id = ${missions.id} and lower(o.acronym) = ${acronym}))`);
  }
  return where;
}

/** Missions matching the filters, by launch date (undated last) then name, with lead and partners. */
export async function listMissions(db: Db, f: MissionFilters = {}): Promise<Mission[]> {
  const rows = await db
    .select({ m: missionColumns, leadAcronym: organisations.acronym, leadSlug: organisations.slug })
    .from(missions)
    .leftJoin(organisations, eq(organisations.id, missions.leadOrganisationId))
    .where(and(...conditions(f)))
    .orderBy(sql`${missions.launchOn} asc nulls last`, asc(missions.name));
  return withPartners(db, rows);
}

/** How many missions the private list shows per page. */
export const MISSIONS_PER_PAGE = 50;

/**
 * One page of the missions matching the filters, in the list's order (launch date, undated last, then
 * name; the id keeps pages apart when both tie), which `missions_list_order_idx` holds.
 */
export async function listMissionsPage(
  db: Db,
  f: MissionFilters,
  page: number,
  perPage = MISSIONS_PER_PAGE,
): Promise<Mission[]> {
  const rows = await db
    .select({ m: missionColumns, leadAcronym: organisations.acronym, leadSlug: organisations.slug })
    .from(missions)
    .leftJoin(organisations, eq(organisations.id, missions.leadOrganisationId))
    .where(and(...conditions(f)))
    .orderBy(sql`${missions.launchOn} asc nulls last`, asc(missions.name), asc(missions.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  return withPartners(db, rows);
}

/** How many missions match the filters. */
export async function countMissions(db: Db, f: MissionFilters): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(missions)
    .where(and(...conditions(f)));
  return row!.n;
}

async function withPartners(
  db: Db,
  rows: Array<{ m: MissionRow; leadAcronym: string | null; leadSlug: string | null }>,
): Promise<Mission[]> {
  const ids = rows.map((r) => r.m.id);
  const partners = ids.length
    ? await db
        .select({
          missionId: missionPartners.missionId,
          id: organisations.id,
          acronym: organisations.acronym,
          slug: organisations.slug,
        })
        .from(missionPartners)
        .innerJoin(organisations, eq(organisations.id, missionPartners.organisationId))
        .where(ids.length > 500 ? undefined : inArray(missionPartners.missionId, ids))
        .orderBy(asc(organisations.acronym))
    : [];
  const byMission = new Map<number, Mission["partners"]>();
  for (const p of partners) {
    const list = byMission.get(p.missionId) ?? [];
    list.push({ id: p.id, acronym: p.acronym, slug: p.slug });
    byMission.set(p.missionId, list);
  }
  const objectives = await objectivesOf(db, ids);
  return rows.map((r) => ({
    ...r.m,
    leadAcronym: r.leadAcronym,
    leadSlug: r.leadSlug,
    partners: byMission.get(r.m.id) ?? [],
    objectives: objectives.get(r.m.id) ?? [],
  }));
}

/** The objective codes each mission serves, by mission id. */
async function objectivesOf(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const byMission = new Map<number, string[]>();
  if (ids.length === 0) return byMission;
  const rows = await db
    .select({ missionId: missionObjectives.missionId, code: gerObjectives.code })
    .from(missionObjectives)
    .innerJoin(gerObjectives, eq(gerObjectives.id, missionObjectives.objectiveId))
    .where(ids.length > 500 ? undefined : inArray(missionObjectives.missionId, ids))
    .orderBy(asc(gerObjectives.position), asc(gerObjectives.code));
  for (const r of rows) byMission.set(r.missionId, [...(byMission.get(r.missionId) ?? []), r.code]);
  return byMission;
}

/** The missions `where` selects, with lead and partners. */
async function missionsWhere(db: Db, where: SQL): Promise<Mission[]> {
  const rows = await db
    .select({ m: missionColumns, leadAcronym: organisations.acronym, leadSlug: organisations.slug })
    .from(missions)
    .leftJoin(organisations, eq(organisations.id, missions.leadOrganisationId))
    .where(where);
  return withPartners(db, rows);
}

/** One mission by its slug, with lead and partners. */
export async function findMissionBySlug(db: Db, slug: string): Promise<Mission | undefined> {
  return (await missionsWhere(db, eq(missions.slug, slug)))[0];
}

/** The missions with these ids, with lead and partners: one read for a page that shows several. */
export async function listMissionsById(db: Db, ids: number[]): Promise<Mission[]> {
  return ids.length === 0 ? [] : missionsWhere(db, inArray(missions.id, ids));
}

const newestFirst = [desc(missionRevisions.at), desc(missionRevisions.id)];

/** One page of a mission's saves, newest first. */
export function listMissionRevisions(db: Db, missionId: number, page: number, perPage?: number) {
  const spec = { table: missionRevisions, recordId: missionRevisions.missionId, newestFirst };
  return listRevisionPage(db, spec, missionId, page, perPage);
}

/** One save of a mission; undefined when it does not exist or is another mission's. */
export async function findMissionRevision(db: Db, missionId: number, id: number) {
  const [row] = await db
    .select()
    .from(missionRevisions)
    .where(and(eq(missionRevisions.id, id), eq(missionRevisions.missionId, missionId)));
  return row as Revision | undefined;
}

/** What the saves after `revision` replaced (their `before`), newest first. */
export async function listBeforesSince(db: Db, revision: Revision) {
  const rows = await db
    .select({ before: missionRevisions.before })
    .from(missionRevisions)
    .where(
      and(
        eq(missionRevisions.missionId, revision.missionId),
        or(
          gt(missionRevisions.at, revision.at),
          and(eq(missionRevisions.at, revision.at), gt(missionRevisions.id, revision.id)),
        ),
      ),
    )
    .orderBy(...newestFirst);
  return rows.map((r) => r.before);
}

/** Proposals on one mission, or open proposals on the missions an agency leads (all when null). */
export async function listProposals(
  db: Db,
  opts: { missionId?: number; leadOrganisationId?: number | null; status?: "open" },
) {
  const where: SQL[] = [];
  if (opts.missionId) where.push(eq(missionProposals.missionId, opts.missionId));
  if (opts.leadOrganisationId) where.push(eq(missions.leadOrganisationId, opts.leadOrganisationId));
  if (opts.status) where.push(eq(missionProposals.status, opts.status));
  return db
    .select({ proposal: missionProposals, missionName: missions.name, missionSlug: missions.slug })
    .from(missionProposals)
    .innerJoin(missions, eq(missions.id, missionProposals.missionId))
    .where(and(...where))
    .orderBy(desc(missionProposals.createdAt), desc(missionProposals.id));
}

/** One proposal by id. */
export async function findProposal(db: Db, id: number): Promise<Proposal | undefined> {
  return (await db.select().from(missionProposals).where(eq(missionProposals.id, id)))[0];
}
