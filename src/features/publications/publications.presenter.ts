import { z } from "@hono/zod-openapi";
import { publicationCategories } from "../../db/schema/index.js";
import { partialDateInput } from "../../web/format.js";
import type { Publication, PublicationSummary } from "./publications.queries.js";

/** A publication in the API, with its file when one is stored. */
export const PublicationJson = z
  .object({
    slug: z.string().openapi({ example: "global-exploration-roadmap-2018" }),
    title: z.string(),
    category: z.enum(publicationCategories),
    postedOn: z.string().nullable().openapi({ description: "The “Posted on” date, YYYY-MM-DD" }),
    published: z
      .string()
      .nullable()
      .openapi({ description: "YYYY, YYYY-MM or YYYY-MM-DD, as precise as known" }),
    description: z.string().nullable(),
    previousEdition: z.string().nullable().openapi({ description: "slug of the previous edition" }),
    editionLabel: z.string().nullable(),
    producedBy: z.string().nullable(),
    uncertain: z.boolean(),
    certaintyNote: z.string().nullable(),
    sources: z.array(z.string()),
    externalUrl: z.string().nullable(),
    file: z
      .object({ name: z.string(), size: z.number(), type: z.string(), sha256: z.string(), url: z.string() })
      .nullable(),
  })
  .openapi("Publication");

/** The public shape of a publication (never the extracted text, which can be large). */
export function publicationJson(
  p: PublicationSummary | Publication,
  slugById: Map<number, string>,
): z.infer<typeof PublicationJson> {
  return {
    slug: p.slug,
    title: p.title,
    category: p.category,
    postedOn: p.postedOn,
    published:
      p.publishedOn && p.publishedPrecision ? partialDateInput(p.publishedOn, p.publishedPrecision) : null,
    description: p.description,
    previousEdition: p.previousEditionId ? (slugById.get(p.previousEditionId) ?? null) : null,
    editionLabel: p.editionLabel,
    producedBy: p.producedBy,
    uncertain: p.uncertain,
    certaintyNote: p.certaintyNote,
    sources: p.sources,
    externalUrl: p.externalUrl,
    file:
      p.fileSha256 && p.fileName
        ? {
            name: p.fileName,
            size: p.fileSize ?? 0,
            type: p.fileType ?? "application/pdf",
            sha256: p.fileSha256,
            url: `/publications/${p.slug}/file`,
          }
        : null,
  };
}
