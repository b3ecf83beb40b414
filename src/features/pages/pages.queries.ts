import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { contentPageRevisions, contentPages } from "../../db/schema/index.js";

export type ContentPage = typeof contentPages.$inferSelect;

/** One page by slug. */
export async function findContentPage(db: Db, slug: string): Promise<ContentPage | undefined> {
  const [row] = await db.select().from(contentPages).where(eq(contentPages.slug, slug));
  return row;
}

/** Every page by title. */
export function listContentPages(db: Db) {
  return db.select().from(contentPages).orderBy(asc(contentPages.title));
}

/** A page's saved versions, newest first. */
export function listRevisions(db: Db, pageId: number, limit = 50) {
  return db
    .select()
    .from(contentPageRevisions)
    .where(eq(contentPageRevisions.pageId, pageId))
    .orderBy(desc(contentPageRevisions.createdAt), desc(contentPageRevisions.id))
    .limit(limit);
}
