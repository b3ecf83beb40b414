import { and, count, desc, eq, ilike, lte, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type ArticleStatus, newsArticles, newsRevisions } from "../../db/schema/index.js";
import { listRevisionPage } from "../../kit/revisions.js";

export type Article = typeof newsArticles.$inferSelect;
export type Revision = typeof newsRevisions.$inferSelect;

/** What the public may see at `now`: published articles whose time has come. */
const live = (now: Date) => and(eq(newsArticles.status, "published"), lte(newsArticles.publishAt, now));

const newestFirst = [desc(newsArticles.newsDate), desc(newsArticles.publishAt), desc(newsArticles.id)];

/** One page of live articles, newest first, with the total count. */
export async function listLiveArticles(db: Db, now: Date, page: number, perPage: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(newsArticles)
      .where(live(now))
      .orderBy(...newestFirst)
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: count() }).from(newsArticles).where(live(now)),
  ]);
  return { rows, total: total!.n };
}

/** The newest live article (the lead on Home), if any. */
export function listLatestArticles(db: Db, now: Date, limit: number): Promise<Article[]> {
  return db
    .select()
    .from(newsArticles)
    .where(live(now))
    .orderBy(...newestFirst)
    .limit(limit);
}

/** Slugs and dates of every live article, for the sitemap. */
export function listLiveSlugs(db: Db, now: Date) {
  return db
    .select({ slug: newsArticles.slug, updatedAt: newsArticles.updatedAt })
    .from(newsArticles)
    .where(live(now))
    .orderBy(...newestFirst);
}

/** Every article for the secretariat, filtered by status and title words. */
export async function listAllArticles(
  db: Db,
  filter: { status?: ArticleStatus; q?: string },
  page: number,
  perPage: number,
) {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(newsArticles.status, filter.status));
  if (filter.q) conditions.push(ilike(newsArticles.title, `%${filter.q.replace(/[\\%_]/g, "\\$&")}%`));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(newsArticles)
      .where(where)
      .orderBy(desc(newsArticles.updatedAt), desc(newsArticles.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: count() }).from(newsArticles).where(where),
  ]);
  return { rows, total: total!.n };
}

/** One article by its address, whatever its status. */
export async function findArticleBySlug(db: Db, slug: string): Promise<Article | undefined> {
  const [row] = await db.select().from(newsArticles).where(eq(newsArticles.slug, slug));
  return row;
}

/** One article by id, whatever its status. */
export async function findArticle(db: Db, id: number): Promise<Article | undefined> {
  const [row] = await db.select().from(newsArticles).where(eq(newsArticles.id, id));
  return row;
}

/** One page of an article's revisions, newest first. */
export function listArticleRevisions(db: Db, articleId: number, page: number) {
  const spec = {
    table: newsRevisions,
    recordId: newsRevisions.articleId,
    newestFirst: [desc(newsRevisions.number)],
  };
  return listRevisionPage(db, spec, articleId, page);
}

/** One revision of an article by its number. */
export async function findRevision(db: Db, articleId: number, number: number): Promise<Revision | undefined> {
  const [row] = await db
    .select()
    .from(newsRevisions)
    .where(and(eq(newsRevisions.articleId, articleId), eq(newsRevisions.number, number)));
  return row;
}

/** Scheduled articles whose time has come. */
export function listDueArticles(db: Db, now: Date) {
  return db
    .select({ id: newsArticles.id })
    .from(newsArticles)
    .where(and(eq(newsArticles.status, "scheduled"), lte(newsArticles.publishAt, now)));
}
