import { and, asc, count, desc, eq, getTableColumns, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { meetingAttendance, meetings, organisations, workingGroups } from "../../db/schema/index.js";
import { chairPersonIds } from "../groups/groups.queries.js";

/** A meeting's columns, without the search vector (only read in SQL, see features/search). */
export type MeetingRow = Omit<typeof meetings.$inferSelect, "search">;
const { search: _search, ...meetingColumns } = getTableColumns(meetings);
/** A meeting with what lists show: host, group and the number of agencies that attended. */
export type MeetingListItem = MeetingRow & {
  hostAcronym: string | null;
  groupSlug: string | null;
  groupName: string | null;
  attendingCount: number;
};
export type MeetingDetail = MeetingListItem & {
  hostSlug: string | null;
  attending: Array<{ id: number; acronym: string; slug: string; name: string }>;
  group: { id: number; slug: string; name: string; chairPersonIds: number[] } | null;
};

const attendingCount = sql<number>`(select count(*)::int from ${meetingAttendance} where ${meetingAttendance.meetingId} = ${meetings.id})`;

function selectMeetings(db: Db) {
  return db
    .select({
      meeting: meetingColumns,
      hostAcronym: organisations.acronym,
      groupSlug: workingGroups.slug,
      groupName: workingGroups.name,
      attendingCount,
    })
    .from(meetings)
    .leftJoin(organisations, eq(organisations.id, meetings.hostOrganisationId))
    .leftJoin(workingGroups, eq(workingGroups.id, meetings.groupId));
}

const flatten = (r: {
  meeting: MeetingRow;
  hostAcronym: string | null;
  groupSlug: string | null;
  groupName: string | null;
  attendingCount: number;
}): MeetingListItem => ({
  ...r.meeting,
  hostAcronym: r.hostAcronym,
  groupSlug: r.groupSlug,
  groupName: r.groupName,
  attendingCount: r.attendingCount,
});

/** Meetings not yet over, soonest first (public ones only unless `all`). */
export async function listUpcomingMeetings(db: Db, now: Date, all = false): Promise<MeetingListItem[]> {
  const rows = await selectMeetings(db)
    .where(and(gte(meetings.endsAt, now), all ? undefined : eq(meetings.public, true)))
    .orderBy(asc(meetings.startsAt));
  return rows.map(flatten);
}

/** Past meetings, newest first, one page at a time (public ones only unless `all`). */
export async function listPastMeetings(db: Db, now: Date, page: number, perPage: number, all = false) {
  const where = and(lt(meetings.endsAt, now), all ? undefined : eq(meetings.public, true));
  const [rows, [total]] = await Promise.all([
    selectMeetings(db)
      .where(where)
      .orderBy(desc(meetings.startsAt))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: count() }).from(meetings).where(where),
  ]);
  return { rows: rows.map(flatten), total: total!.n };
}

/** Every meeting, newest first (for feeds and the API; public ones only unless `all`). */
export async function listAllMeetings(db: Db, all = false, limit = 500): Promise<MeetingListItem[]> {
  const rows = await selectMeetings(db)
    .where(all ? undefined : eq(meetings.public, true))
    .orderBy(desc(meetings.startsAt))
    .limit(limit);
  return rows.map(flatten);
}

/** How many meetings the private list shows per page. */
export const PRIVATE_MEETINGS_PER_PAGE = 50;

/** One page of every meeting (members-only ones included), newest first, along `meetings_starts_idx`. */
export async function listMeetingsPage(
  db: Db,
  page: number,
  perPage = PRIVATE_MEETINGS_PER_PAGE,
): Promise<MeetingListItem[]> {
  const rows = await selectMeetings(db)
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  return rows.map(flatten);
}

/** How many meetings there are, members-only ones included. */
export async function countMeetings(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(meetings);
  return row!.n;
}

/** One meeting with its host, group (and the group's chairs) and attending agencies. */
export async function findMeetingBySlug(db: Db, slug: string): Promise<MeetingDetail | undefined> {
  const [row] = await selectMeetings(db).where(eq(meetings.slug, slug.toLowerCase()));
  if (!row) return undefined;
  const m = flatten(row);
  const attending = await db
    .select({
      id: organisations.id,
      acronym: organisations.acronym,
      slug: organisations.slug,
      name: organisations.name,
    })
    .from(meetingAttendance)
    .innerJoin(organisations, eq(organisations.id, meetingAttendance.organisationId))
    .where(eq(meetingAttendance.meetingId, m.id))
    .orderBy(asc(sql`lower(${organisations.acronym})`));
  const [host] = m.hostOrganisationId
    ? await db
        .select({ slug: organisations.slug })
        .from(organisations)
        .where(eq(organisations.id, m.hostOrganisationId))
    : [];
  const group =
    m.groupId && m.groupSlug && m.groupName
      ? {
          id: m.groupId,
          slug: m.groupSlug,
          name: m.groupName,
          chairPersonIds: await chairPersonIds(db, m.groupId),
        }
      : null;
  return { ...m, hostSlug: host?.slug ?? null, attending, group };
}

/** How many agencies attended: the recorded list when there is one, else what the sources report. */
export const attendanceCount = (m: { attendingCount: number; reportedAttendance: number | null }) =>
  // The figure the forum reported wins: the 2021 meeting reported 24 agencies, ASA and CSIRO as one.
  m.reportedAttendance ?? (m.attendingCount > 0 ? m.attendingCount : null);

/** The earliest meeting boundary (start or end) after `from`: when public lists next change. */
export async function nextMeetingBoundary(db: Db, from: Date): Promise<Date | null> {
  const [row] = await db
    .select({
      at: sql<
        string | null
      >`min(case when ${meetings.endsAt} > ${from.toISOString()} then ${meetings.endsAt} end)`,
    })
    .from(meetings);
  return row?.at ? new Date(row.at) : null;
}
