import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  annualReports,
  contentPages,
  gapAssessments,
  gerEditions,
  meetings,
  missions,
  publications,
  workingGroups,
} from "../../db/schema/index.js";

/** One address of the sitemap, relative to the site, with when it last changed if known. */
export type SitemapEntry = { path: string; lastmod?: Date };

/** What visitors may read besides news and members: every publication, group, mission and gap assessment, public meetings, published editions and annual reports. */
export async function listSitemapRecords(db: Db): Promise<SitemapEntry[]> {
  const [pubs, groups, missionRows, meetingRows, editions, assessments, reports] = await Promise.all([
    db
      .select({ slug: publications.slug, at: publications.updatedAt })
      .from(publications)
      .orderBy(asc(publications.slug)),
    db
      .select({ slug: workingGroups.slug, at: workingGroups.updatedAt })
      .from(workingGroups)
      .orderBy(asc(workingGroups.slug)),
    db.select({ slug: missions.slug, at: missions.updatedAt }).from(missions).orderBy(asc(missions.slug)),
    db
      .select({ slug: meetings.slug, at: meetings.updatedAt })
      .from(meetings)
      .where(eq(meetings.public, true))
      .orderBy(asc(meetings.slug)),
    db
      .select({ slug: gerEditions.slug, at: gerEditions.publishedAt })
      .from(gerEditions)
      .where(eq(gerEditions.status, "published"))
      .orderBy(asc(gerEditions.slug)),
    db
      .select({ slug: gapAssessments.slug, at: gapAssessments.updatedAt })
      .from(gapAssessments)
      .orderBy(asc(gapAssessments.slug)),
    db
      .select({ slug: annualReports.year, at: annualReports.publishedAt })
      .from(annualReports)
      .where(eq(annualReports.status, "published"))
      .orderBy(asc(annualReports.year)),
  ]);
  const entries = (prefix: string, rows: Array<{ slug: string; at: Date | null }>) =>
    rows.map((r) => ({ path: `${prefix}/${r.slug}`, lastmod: r.at ?? undefined }));
  return [
    ...entries("/publications", pubs),
    ...entries("/groups", groups),
    ...entries("/roadmap/missions", missionRows),
    ...entries("/meetings", meetingRows),
    ...entries("/roadmap/editions", editions),
    ...entries("/technology/assessments", assessments),
    ...entries(
      "/reports",
      reports.map((r) => ({ slug: String(r.slug), at: r.at })),
    ),
  ];
}

/** When each content page last changed, by slug (for the lastmod of its public address). */
export async function contentPageDates(db: Db): Promise<Map<string, Date>> {
  const rows = await db.select({ slug: contentPages.slug, at: contentPages.updatedAt }).from(contentPages);
  return new Map(rows.map((r) => [r.slug, r.at]));
}
