import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { and, count, eq } from "drizzle-orm";
import { chairTerms, forumSettings, organisations } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { systemActor } from "../../http/actor.js";
import { write } from "../../kit/write.js";
import { seedFaq } from "../faq/faq.seed.js";
import { seedGer } from "../ger/ger.seed.js";
import { seedGroups } from "../groups/groups.seed.js";
import { seedMeetings } from "../meetings/meetings.seed.js";
import { seedNews } from "../news/news.seed.js";
import { seedPages } from "../pages/pages.seed.js";
import { seedPublications } from "../publications/publications.seed.js";
import { seedReports } from "../reports/reports.seed.js";
import { seedMissions } from "../roadmap/roadmap.seed.js";
import { seedAssessments } from "../technology/assessments/assessments.seed.js";
import { seedTechnology } from "../technology/technology.seed.js";
import { type Dataset, dataset, firstDay } from "./dataset.schemas.js";

/** Reads and validates the dataset files; a bad file stops with the file and field at fault. */
export async function readDataset(dir: string): Promise<Dataset> {
  const load = async (name: string) => {
    try {
      return JSON.parse(await readFile(join(dir, name), "utf8"));
    } catch (e) {
      throw new Error(`Cannot read ${join(dir, name)}: ${(e as Error).message}`);
    }
  };
  // Files added after the first datasets: another forum's dataset may not have them.
  const loadOptional = async (name: string) => {
    try {
      return JSON.parse(await readFile(join(dir, name), "utf8"));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new Error(`Cannot read ${join(dir, name)}: ${(e as Error).message}`);
    }
  };
  const raw = {
    forum: await load("forum.json"),
    organisations: await load("organisations.json"),
    chairs: await load("chairs.json"),
    news: await load("news.json"),
    missions: await load("missions.json"),
    publications: await load("publications.json"),
    faq: await load("faq.json"),
    pages: await load("pages.json"),
    gerFramework: await loadOptional("ger-framework.json"),
    gerEditions: await loadOptional("ger-editions.json"),
    volatilesGaps: await loadOptional("volatiles-gaps.json"),
    groups: await loadOptional("groups.json"),
    meetings: await loadOptional("meetings.json"),
    technology: await loadOptional("technology.json"),
    technologyAssessments: await loadOptional("technology-assessments.json"),
    reports: await loadOptional("reports.json"),
  };
  const parsed = dataset.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`The dataset in ${dir} is invalid at ${first.path.join(".")}: ${first.message}`);
  }
  return parsed.data;
}

export type SeedReport = {
  organisationsAdded: number;
  chairTermsAdded: number;
  forumAdded: boolean;
  newsAdded?: number;
  groupsAdded?: number;
  meetingsAdded?: number;
  missionsAdded?: number;
  publicationsAdded?: number;
  faqQuestionsAdded?: number;
  pagesAdded?: number;
  gerRecordsAdded?: number;
  technologyRecordsAdded?: number;
  assessmentsAdded?: number;
  reportsAdded?: number;
};

/**
 * Loads the dataset idempotently: records already present (by slug, by agency and start date,
 * by settings key) are left as they are, so the secretariat's later edits survive a re-seed.
 */
export async function seedDataset(deps: Deps, data: Dataset): Promise<SeedReport> {
  return write(deps, systemActor("seed"), async (tx, audit) => {
    const report: SeedReport = { organisationsAdded: 0, chairTermsAdded: 0, forumAdded: false };
    const added = await tx
      .insert(forumSettings)
      .values({ key: "forum", value: data.forum })
      .onConflictDoNothing()
      .returning();
    report.forumAdded = added.length > 0;
    for (const o of data.organisations) {
      const { joined, ...rest } = o;
      const rows = await tx
        .insert(organisations)
        .values({ ...rest, joinedOn: firstDay(joined) })
        .onConflictDoNothing()
        .returning({ id: organisations.id });
      report.organisationsAdded += rows.length;
    }
    const ids = new Map((await tx.select().from(organisations)).map((o) => [o.acronym, o.id]));
    for (const c of data.chairs) {
      const organisationId = ids.get(c.agency);
      if (!organisationId) throw new Error(`Chair term names unknown agency ${c.agency}.`);
      const startsOn = firstDay(c.from);
      const [exists] = await tx
        .select({ n: count() })
        .from(chairTerms)
        .where(and(eq(chairTerms.organisationId, organisationId), eq(chairTerms.startsOn, startsOn)));
      if (exists!.n > 0) continue;
      await tx.insert(chairTerms).values({
        organisationId,
        startsOn,
        startPrecision: c.fromPrecision,
        endsOn: c.to ? firstDay(c.to) : null,
        endPrecision: c.toPrecision,
        person: c.person,
        certainty: c.certainty,
        note: c.note,
        sources: c.sources,
      });
      report.chairTermsAdded++;
    }
    report.missionsAdded = await seedMissions(tx, data.missions);
    report.gerRecordsAdded = await seedGer(tx, {
      framework: data.gerFramework,
      editions: data.gerEditions,
      gaps: data.volatilesGaps,
    });
    report.publicationsAdded = await seedPublications(tx, data.publications);
    report.faqQuestionsAdded = await seedFaq(tx, data.faq);
    report.pagesAdded = await seedPages(tx, data.pages);
    report.newsAdded = await seedNews(tx, data.news);
    report.groupsAdded = await seedGroups(tx, data.groups);
    report.meetingsAdded = await seedMeetings(tx, data.meetings);
    report.technologyRecordsAdded = await seedTechnology(tx, data.technology);
    // After the technology list and the publications: assessments link to both.
    report.assessmentsAdded = await seedAssessments(tx, data.technologyAssessments);
    // Last: a published report is frozen from everything loaded above.
    report.reportsAdded = await seedReports(tx, deps, data.reports);
    await audit({
      action: "dataset.seed",
      subjectType: "dataset",
      summary: `Loaded dataset: ${report.organisationsAdded} organisations and ${report.chairTermsAdded} chair terms added`,
      details: report,
    });
    return report;
  });
}

/** True when the database holds no organisations yet (a first start). */
export async function isEmpty(deps: Pick<Deps, "db">): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(organisations);
  return row!.n === 0;
}
