import { and, asc, between, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import {
  actionEvents,
  actionItems,
  chairTerms,
  gapAssessments,
  meetingAttendance,
  meetings,
  newsArticles,
  organisations,
  publications,
  reviewPositions,
  reviewRounds,
  workingGroups,
} from "../../../db/schema/index.js";
import type { ReportRecords } from "../../../domain/annual-report.js";
import { dateTimeFormat } from "../../../domain/date-formats.js";

/** YYYY-MM-DD of an instant in a time zone (meetings are dated where they took place). */
export const localDay = (at: Date, timeZone: string) => {
  try {
    return dateTimeFormat("en-CA", { timeZone }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
};

async function meetingRecords(db: Db, year: number): Promise<ReportRecords["meetings"]> {
  // A day either side of the year: local dates near New Year may fall in the other year in UTC.
  const rows = await db
    .select({
      id: meetings.id,
      slug: meetings.slug,
      title: meetings.title,
      kind: meetings.kind,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
      place: meetings.place,
      host: organisations.acronym,
      reportedAttendance: meetings.reportedAttendance,
    })
    .from(meetings)
    .leftJoin(organisations, eq(organisations.id, meetings.hostOrganisationId))
    .where(
      and(
        eq(meetings.public, true),
        gte(meetings.startsAt, new Date(Date.UTC(year - 1, 11, 31))),
        lte(meetings.startsAt, new Date(Date.UTC(year + 1, 0, 2))),
      ),
    )
    .orderBy(asc(meetings.startsAt));
  const ids = rows.map((m) => m.id);
  const attendance = ids.length
    ? await db
        .select({ meetingId: meetingAttendance.meetingId, acronym: organisations.acronym })
        .from(meetingAttendance)
        .innerJoin(organisations, eq(organisations.id, meetingAttendance.organisationId))
        .where(inArray(meetingAttendance.meetingId, ids))
    : [];
  return rows.map((m) => ({
    slug: m.slug,
    title: m.title,
    kind: m.kind,
    startsOn: localDay(m.startsAt, m.timeZone),
    place: m.place,
    host: m.host,
    attending: attendance.filter((a) => a.meetingId === m.id).map((a) => a.acronym),
    reportedAttendance: m.reportedAttendance,
  }));
}

async function actionRecords(db: Db): Promise<ReportRecords["actions"]> {
  const rows = await db
    .select({
      id: actionItems.id,
      number: actionItems.number,
      title: actionItems.title,
      status: actionItems.status,
      owner: organisations.acronym,
      createdAt: actionItems.createdAt,
    })
    .from(actionItems)
    .leftJoin(organisations, eq(organisations.id, actionItems.ownerOrganisationId));
  const closings = await db
    .select({
      actionId: actionEvents.actionId,
      at: sql<Date>`max(${actionEvents.at})`.mapWith(actionEvents.at),
    })
    .from(actionEvents)
    .where(eq(actionEvents.toStatus, "closed"))
    .groupBy(actionEvents.actionId);
  const closedAt = new Map(closings.map((c) => [c.actionId, c.at]));
  return rows.map((a) => {
    const closed = a.status === "closed" ? (closedAt.get(a.id) ?? null) : null;
    return {
      number: a.number,
      title: a.title,
      owner: a.owner,
      createdOn: a.createdAt.toISOString().slice(0, 10),
      closedOn: closed ? closed.toISOString().slice(0, 10) : null,
    };
  });
}

async function roundRecords(db: Db, year: number) {
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year + 1, 0, 1));
  const inYear = and(gte(reviewRounds.deadline, from), lte(reviewRounds.deadline, to));
  const answers = await db
    .selectDistinct({ roundId: reviewPositions.roundId, agency: organisations.acronym })
    .from(reviewPositions)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewPositions.roundId))
    .innerJoin(organisations, eq(organisations.id, reviewPositions.organisationId))
    .where(inYear);
  const rounds = await db.select({ id: reviewRounds.id }).from(reviewRounds).where(inYear);
  return { roundAnswers: answers, roundsInYear: rounds.length };
}

/**
 * Loads what the report of `year` is computed from: the whole directory and groups, the year's
 * activity (filtered in the database, so a large library or news archive is not read), and the
 * publications named as major documents.
 */
export async function loadReportRecords(
  db: Db,
  year: number,
  majorDocuments: string[] = [],
): Promise<ReportRecords> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const posted = sql`coalesce(${publications.postedOn}, ${publications.publishedOn})`;
  const orgs = await db.select().from(organisations).orderBy(asc(organisations.acronym));
  const news = await db
    .select({ slug: newsArticles.slug, title: newsArticles.title, date: newsArticles.newsDate })
    .from(newsArticles)
    .where(and(eq(newsArticles.status, "published"), between(newsArticles.newsDate, from, to)));
  const pubs = await db
    .select({
      slug: publications.slug,
      title: publications.title,
      category: publications.category,
      date: sql<string | null>`${posted}::text`,
      precision: sql<
        "year" | "month" | "day" | null
      >`case when ${publications.postedOn} is not null then 'day' else ${publications.publishedPrecision} end`,
    })
    .from(publications)
    .where(
      majorDocuments.length
        ? or(between(posted, from, to), inArray(publications.slug, majorDocuments))
        : between(posted, from, to),
    );
  const groups = await db.select().from(workingGroups).orderBy(asc(workingGroups.id));
  const assessments = await db
    .select({
      slug: gapAssessments.slug,
      title: gapAssessments.title,
      status: gapAssessments.status,
      endedOn: gapAssessments.endedOn,
    })
    .from(gapAssessments);
  const chairs = await db
    .select({
      acronym: organisations.acronym,
      name: organisations.name,
      startsOn: chairTerms.startsOn,
      endsOn: chairTerms.endsOn,
    })
    .from(chairTerms)
    .innerJoin(organisations, eq(organisations.id, chairTerms.organisationId))
    .orderBy(asc(chairTerms.startsOn));
  return {
    organisations: orgs.map((o) => ({
      acronym: o.acronym,
      slug: o.slug,
      name: o.name,
      country: o.country,
      joinedOn: o.joinedOn,
      joinedUncertain: o.joinedUncertain,
      leftOn: o.leftOn,
    })),
    news,
    publications: pubs,
    groups: groups.map((g) => ({
      slug: g.slug,
      acronym: g.acronym,
      name: g.name,
      kind: g.kind,
      charter: g.charter,
      startedOn: g.startedOn,
      endedOn: g.endedOn,
    })),
    meetings: await meetingRecords(db, year),
    assessments,
    actions: await actionRecords(db),
    ...(await roundRecords(db, year)),
    chairs,
  };
}
