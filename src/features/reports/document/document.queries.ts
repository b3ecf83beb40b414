import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { forumSettings } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import { computeReport, type ReportData } from "../../../domain/annual-report.js";
import { forumSchema } from "../../../web/forum.js";
import { type AnnualReport, groupNames, reportTexts, workplanOutlooks } from "../reports.queries.js";
import { type FixedPart, fixedParts } from "../reports.schemas.js";
import { loadReportRecords } from "./records.queries.js";

/** One group's outlook in the report. */
export type Outlook = {
  part: string;
  slug: string;
  title: string;
  acronym: string | null;
  href: string;
  body: string;
};

/**
 * Everything a report shows: the forum's standing texts, the narrative parts and the computed
 * data. A published edition stores exactly this, so it renders the same for ever.
 */
export type ReportDocument = {
  year: number;
  status: "draft" | "published";
  publishedAt: string | null;
  statisticsPublic: boolean;
  forum: {
    name: string;
    acronym: string;
    purpose: string;
    principles: Array<{ title: string; points: string[] }>;
    background: string;
    gesThemes: string[];
    secretariat: { name: string; address: string[]; email: string };
    website: string;
  };
  texts: Record<FixedPart, string>;
  outlooks: Outlook[];
  data: ReportData;
};

/** The outlook parts of a report: every group and team active in the year, then any other saved part. */
export async function outlookParts(
  db: Db,
  report: Pick<AnnualReport, "id" | "year">,
  data: ReportData,
): Promise<Outlook[]> {
  const saved = await reportTexts(db, report.id);
  const fromWorkplans = await workplanOutlooks(db, report.year + 1);
  const active = [...data.workingGroups, ...data.teams].map((g) => g.slug);
  const extra = [...saved.keys()]
    .filter((p) => p.startsWith("outlook:"))
    .map((p) => p.slice(8))
    .filter((s) => !active.includes(s));
  const slugs = [...active, ...extra];
  const names = await groupNames(db, slugs);
  return slugs.flatMap((slug) => {
    const group = names.get(slug);
    if (!group) return [];
    const part = `outlook:${slug}`;
    return [
      {
        part,
        slug,
        title: group.name,
        acronym: group.acronym,
        href: `/groups/${slug}`,
        body: saved.get(part)?.body ?? fromWorkplans.get(slug) ?? "",
      },
    ];
  });
}

/** Computes a report's document from the records as they are now (a draft, or an edition being published). */
export async function buildReportDocument(
  deps: Pick<Deps, "db" | "config">,
  report: AnnualReport,
  opts: { membersAsOf?: string } = {},
): Promise<ReportDocument> {
  const records = await loadReportRecords(deps.db, report.year, report.settings.majorDocuments);
  const data = computeReport(records, {
    year: report.year,
    membersAsOf: opts.membersAsOf ?? report.membersAsOf,
    majorDocuments: report.settings.majorDocuments,
    omitPublications: report.settings.omitPublications,
  });
  const saved = await reportTexts(deps.db, report.id);
  // Read in the caller's transaction, not from the memo: the seed freezes editions before committing.
  const [setting] = await deps.db.select().from(forumSettings).where(eq(forumSettings.key, "forum"));
  const forum = forumSchema.parse(setting?.value);
  return {
    year: report.year,
    // Computed from today's records: never the frozen edition, even for a published year.
    status: "draft",
    publishedAt: null,
    statisticsPublic: report.settings.statisticsPublic,
    forum: {
      name: forum.name,
      acronym: forum.acronym,
      purpose: forum.about.purpose,
      principles: forum.about.principles,
      background: forum.about.background,
      gesThemes: forum.about.gesThemes,
      secretariat: {
        name: forum.secretariat.name,
        address: forum.secretariat.address,
        email: forum.secretariat.email,
      },
      website: deps.config.baseUrl,
    },
    texts: Object.fromEntries(fixedParts.map((p) => [p, saved.get(p)?.body ?? ""])) as Record<
      FixedPart,
      string
    >,
    outlooks: (await outlookParts(deps.db, report, data)).filter((o) => o.body.trim() !== ""),
    data,
  };
}
