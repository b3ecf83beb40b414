import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import {
  annualReports,
  annualReportTextRevisions,
  annualReportTexts,
  publications,
} from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { buildReportDocument } from "./document/document.queries.js";
import { fixedParts } from "./reports.schemas.js";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** One report of `data/<dataset>/reports.json`: the secretariat's settings and narrative texts. */
export const datasetReport = z.object({
  year: z.number().int().min(1990).max(2200),
  membersAsOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Loaded as a published edition, frozen from the dataset's records as they are loaded. */
  published: z.boolean(),
  statisticsPublic: z.boolean().default(false),
  majorDocuments: z.array(slug).default([]),
  omitPublications: z.array(slug).default([]),
  omitNote: z.string().optional(),
  texts: z
    .object(
      Object.fromEntries(fixedParts.map((p) => [p, z.string().default("")])) as Record<
        (typeof fixedParts)[number],
        z.ZodDefault<z.ZodString>
      >,
    )
    .extend({ outlooks: z.record(slug, z.string()).default({}) }),
});
export type DatasetReport = z.infer<typeof datasetReport>;

/**
 * Adds the reports missing by year, with their texts (each kept as a first revision by "dataset").
 * Runs last: a published edition is frozen from the records the rest of the dataset just loaded.
 */
export async function seedReports(tx: Db, deps: Pick<Deps, "config" | "now">, items: DatasetReport[]) {
  let added = 0;
  for (const r of items) {
    const [report] = await tx
      .insert(annualReports)
      .values({
        year: r.year,
        membersAsOf: r.membersAsOf,
        settings: {
          majorDocuments: r.majorDocuments,
          omitPublications: r.omitPublications,
          statisticsPublic: r.statisticsPublic,
        },
      })
      .onConflictDoNothing()
      .returning();
    if (!report) continue;
    added++;
    const { outlooks, ...fixed } = r.texts;
    const parts = [
      ...Object.entries(fixed),
      ...Object.entries(outlooks).map(([g, body]) => [`outlook:${g}`, body]),
    ];
    for (const [part, body] of parts) {
      if (!body) continue;
      const [text] = await tx
        .insert(annualReportTexts)
        .values({ reportId: report.id, part: part!, body: body! })
        .returning();
      await tx
        .insert(annualReportTextRevisions)
        .values({ textId: text!.id, body: body!, authorName: "dataset" });
    }
    if (!r.published) continue;
    const publishedAt = deps.now();
    const doc = {
      ...(await buildReportDocument({ db: tx, config: deps.config }, report)),
      status: "published" as const,
      publishedAt: publishedAt.toISOString(),
    };
    // Linked to the library's record of that year's report, if the dataset has one. Its PDF is not
    // drawn here: the seed stays quick and stores no files; publishing again from the platform files it.
    const [library] = await tx
      .select({ id: publications.id })
      .from(publications)
      .where(eq(publications.slug, `annual-report-${r.year}`));
    const publicationId = library?.id ?? null;
    await tx
      .update(annualReports)
      .set({ status: "published", snapshot: doc, publishedAt, publicationId })
      .where(eq(annualReports.id, report.id));
  }
  return added;
}
