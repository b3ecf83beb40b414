import { z } from "zod";
import type { Db } from "../../db/client.js";
import { contentPages } from "../../db/schema/index.js";

/** One page of `data/<dataset>/pages.json`. */
export const datasetPage = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(2),
  summary: z.string().nullable(),
  body: z.string(),
  sources: z.array(z.string()),
});
export type DatasetPage = z.infer<typeof datasetPage>;

/** Inserts the pages that are missing (by slug); returns how many were added. */
export async function seedPages(tx: Db, items: DatasetPage[]): Promise<number> {
  let added = 0;
  for (const p of items) {
    const rows = await tx
      .insert(contentPages)
      .values(p)
      .onConflictDoNothing()
      .returning({ id: contentPages.id });
    added += rows.length;
  }
  return added;
}

/** "2020-12" -> "2020-12-01". */
export const firstDayOf = (d: string) => [...d.split("-"), "01", "01"].slice(0, 3).join("-");

/** The precision a YYYY[-MM[-DD]] text claims. */
export const precisionOf = (d: string) =>
  (d.length === 4 ? "year" : d.length === 7 ? "month" : "day") as "year" | "month" | "day";
