import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { contentPageRevisions, contentPages } from "../../db/schema/index.js";
import { listRevisionPage } from "../../kit/revisions.js";

export type ContentPage = typeof contentPages.$inferSelect;
export type PageRevision = typeof contentPageRevisions.$inferSelect;

/** One page by slug. */
export async function findContentPage(db: Db, slug: string): Promise<ContentPage | undefined> {
  const [row] = await db.select().from(contentPages).where(eq(contentPages.slug, slug));
  return row;
}

/** Every page by title. */
export function listContentPages(db: Db) {
  return db.select().from(contentPages).orderBy(asc(contentPages.title));
}

/** One page of a page's saved versions, newest first. */
export function listPageRevisions(db: Db, pageId: number, page: number) {
  return listRevisionPage(
    db,
    {
      table: contentPageRevisions,
      recordId: contentPageRevisions.pageId,
      newestFirst: [desc(contentPageRevisions.createdAt), desc(contentPageRevisions.id)],
    },
    pageId,
    page,
  );
}

/** One saved version of a page; undefined when it does not exist or belongs to another page. */
export async function findPageRevision(db: Db, pageId: number, revisionId: number) {
  const [row] = await db
    .select()
    .from(contentPageRevisions)
    .where(and(eq(contentPageRevisions.id, revisionId), eq(contentPageRevisions.pageId, pageId)));
  return row as PageRevision | undefined;
}
