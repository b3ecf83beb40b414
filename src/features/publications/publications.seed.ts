import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { publicationCategories, publications } from "../../db/schema/index.js";
import { firstDayOf, precisionOf } from "../pages/pages.seed.js";

const partial = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** One record of `data/<dataset>/publications.json` (records and links only, never files). */
export const datasetPublication = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(3),
  category: z.enum(publicationCategories),
  postedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  published: partial.nullable(),
  description: z.string().nullable(),
  previousEdition: z.string().nullable(),
  editionLabel: z.string().nullable(),
  producedBy: z.string().nullable(),
  uncertain: z.boolean(),
  certaintyNote: z.string().nullable(),
  externalUrl: z.string().url().nullable(),
  sources: z.array(z.string()),
});
export type DatasetPublication = z.infer<typeof datasetPublication>;

/** Inserts the publications that are missing (by slug), then links editions; returns how many were added. */
export async function seedPublications(tx: Db, items: DatasetPublication[]): Promise<number> {
  let added = 0;
  for (const p of items) {
    const { published, previousEdition: _prev, ...rest } = p;
    const rows = await tx
      .insert(publications)
      .values({
        ...rest,
        publishedOn: published ? firstDayOf(published) : null,
        publishedPrecision: published ? precisionOf(published) : null,
      })
      .onConflictDoNothing()
      .returning({ id: publications.id });
    added += rows.length;
  }
  // A link added to the dataset later reaches a record loaded before it, unless someone edited it.
  for (const p of items) {
    if (!p.externalUrl) continue;
    await tx
      .update(publications)
      .set({ externalUrl: p.externalUrl })
      .where(
        sql`${publications.slug} = ${p.slug} and ${publications.externalUrl} is null and ${publications.fileSha256} is null and ${publications.createdAt} = ${publications.updatedAt}`,
      );
  }
  // Lineage only where nobody has set it yet, so the secretariat's edits survive a re-seed.
  for (const p of items) {
    if (!p.previousEdition) continue;
    const [prev] = await tx
      .select({ id: publications.id })
      .from(publications)
      .where(eq(publications.slug, p.previousEdition));
    if (!prev) throw new Error(`Publication ${p.slug} names unknown previous edition ${p.previousEdition}.`);
    await tx
      .update(publications)
      .set({ previousEditionId: prev.id })
      .where(
        sql`${publications.slug} = ${p.slug} and ${publications.previousEditionId} is null and ${publications.createdAt} = ${publications.updatedAt}`,
      );
  }
  return added;
}
