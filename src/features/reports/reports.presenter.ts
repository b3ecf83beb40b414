import { z } from "@hono/zod-openapi";
import type { ReportDocument } from "./document/document.queries.js";

/** One year's annual report in the API: its texts and its computed data. */
export const Report = z
  .object({
    year: z.number(),
    status: z.enum(["draft", "published"]),
    publishedAt: z.string().nullable(),
    texts: z
      .record(z.string(), z.string())
      .openapi({ description: "The narrative parts, Markdown, by part name" }),
    outlooks: z.array(z.object({ slug: z.string(), title: z.string(), body: z.string() })),
    data: z.record(z.string(), z.unknown()).openapi({
      description:
        "The computed figures and lists (members by country, news, publications, groups, meetings and attendance, assessments, closed actions, participation), each item with the address of its record",
    }),
    statisticsIncluded: z.boolean(),
    links: z.object({ html: z.string(), md: z.string(), pdf: z.string() }),
  })
  .openapi("AnnualReport");

/** A report for the API: the participation figures only when `statistics`, with the addresses of its three forms. */
export function reportJson(
  doc: ReportDocument,
  statistics: boolean,
  baseUrl: string,
): z.infer<typeof Report> {
  const base = `${baseUrl.replace(/\/+$/, "")}/reports/${doc.year}`;
  return {
    year: doc.year,
    status: doc.status,
    publishedAt: doc.publishedAt,
    texts: doc.texts,
    outlooks: doc.outlooks.map((o) => ({ slug: o.slug, title: o.title, body: o.body })),
    data: { ...doc.data, participation: statistics ? doc.data.participation : [] },
    statisticsIncluded: statistics,
    links: { html: base, md: `${base}.md`, pdf: `${base}.pdf` },
  };
}
