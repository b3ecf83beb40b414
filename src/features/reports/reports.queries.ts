import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  annualReports,
  annualReportTextRevisions,
  annualReportTexts,
  groupChairs,
  groupOutlooks,
  publications,
  workingGroups,
} from "../../db/schema/index.js";

export type AnnualReport = typeof annualReports.$inferSelect;
export type ReportText = typeof annualReportTexts.$inferSelect;
export type ReportTextRevision = typeof annualReportTextRevisions.$inferSelect;

/** The report of a year, if one was started. */
export async function findReport(db: Db, year: number): Promise<AnnualReport | undefined> {
  const [row] = await db.select().from(annualReports).where(eq(annualReports.year, year));
  return row;
}

/** The publication filed in the library when the year's report was published, if there is one. */
export async function findFiledReportPublication(db: Db, year: number) {
  const [row] = await db
    .select({ publication: publications })
    .from(annualReports)
    .innerJoin(publications, eq(publications.id, annualReports.publicationId))
    .where(eq(annualReports.year, year));
  return row?.publication;
}

/** Every report, newest year first. */
export function listReports(db: Db): Promise<AnnualReport[]> {
  return db.select().from(annualReports).orderBy(desc(annualReports.year));
}

/** The saved narrative parts of a report, by part name. */
export async function reportTexts(db: Db, reportId: number): Promise<Map<string, ReportText>> {
  const rows = await db.select().from(annualReportTexts).where(eq(annualReportTexts.reportId, reportId));
  return new Map(rows.map((r) => [r.part, r]));
}

/** The saved versions of one part, newest first. */
export function listTextRevisions(db: Db, textId: number): Promise<ReportTextRevision[]> {
  return db
    .select()
    .from(annualReportTextRevisions)
    .where(eq(annualReportTextRevisions.textId, textId))
    .orderBy(desc(annualReportTextRevisions.createdAt), desc(annualReportTextRevisions.id));
}

/** Outlooks the groups wrote for `year` in their workplans, by group slug (the parts' starting text). */
export async function workplanOutlooks(db: Db, year: number): Promise<Map<string, string>> {
  const rows = await db
    .select({ slug: workingGroups.slug, body: groupOutlooks.body })
    .from(groupOutlooks)
    .innerJoin(workingGroups, eq(workingGroups.id, groupOutlooks.groupId))
    .where(eq(groupOutlooks.year, year));
  return new Map(rows.map((r) => [r.slug, r.body]));
}

/** The slugs of the groups a person chairs. */
export async function chairedGroupSlugs(db: Db, personId: number): Promise<string[]> {
  const rows = await db
    .select({ slug: workingGroups.slug })
    .from(groupChairs)
    .innerJoin(workingGroups, eq(workingGroups.id, groupChairs.groupId))
    .where(and(eq(groupChairs.personId, personId), isNotNull(groupChairs.personId)))
    .orderBy(asc(workingGroups.slug));
  return rows.map((r) => r.slug);
}

/** Names of groups by slug (for the outlook parts' headings). */
export async function groupNames(db: Db, slugs: string[]) {
  if (slugs.length === 0) return new Map<string, { name: string; acronym: string | null }>();
  const rows = await db
    .select({ slug: workingGroups.slug, name: workingGroups.name, acronym: workingGroups.acronym })
    .from(workingGroups)
    .where(inArray(workingGroups.slug, slugs));
  return new Map(rows.map((r) => [r.slug, { name: r.name, acronym: r.acronym }]));
}
