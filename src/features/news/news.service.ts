import { eq, max } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type ArticleContent, newsArticles, newsRevisions } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import {
  changedFields,
  pickFields,
  type Revisions,
  restoreRevision,
  revisionAuthor,
  type Saved,
  saveRevision,
} from "../../kit/revisions.js";
import { write } from "../../kit/write.js";
import { canManageNews } from "./news.policy.js";
import { type Article, findArticle, findRevision, type Revision } from "./news.queries.js";
import { articleInput, slugFromTitle, toContent, uniqueSlug } from "./news.schemas.js";

const onlySecretariat = "Only the secretariat can write news.";

/** Stores the next revision of an article: who, when, and the whole content. */
export async function createRevision(
  tx: Db,
  actor: Actor,
  articleId: number,
  content: ArticleContent,
  note: string | null,
  at: Date,
): Promise<number> {
  const [last] = await tx
    .select({ n: max(newsRevisions.number) })
    .from(newsRevisions)
    .where(eq(newsRevisions.articleId, articleId));
  const number = (last?.n ?? 0) + 1;
  await tx.insert(newsRevisions).values({
    articleId,
    number,
    at,
    ...revisionAuthor(actor),
    note,
    content,
  });
  return number;
}

/** A free address made from the title; kept for good once the article exists. */
export async function freeSlug(db: Db, title: string): Promise<string> {
  const base = slugFromTitle(title);
  const rows = await db.select({ slug: newsArticles.slug }).from(newsArticles);
  return uniqueSlug(base, new Set(rows.map((r) => r.slug)));
}

/** Writes a new article as a draft, with its first revision (secretariat only). */
export async function createArticle(deps: Deps, actor: Actor, raw: unknown): Promise<Article> {
  if (!canManageNews(actor)) throw forbidden(onlySecretariat);
  const content = toContent(parseInput(articleInput, raw));
  const slug = await freeSlug(deps.db, content.title);
  const now = deps.now();
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(newsArticles)
      .values({ ...content, slug, status: "draft", createdAt: now, updatedAt: now })
      .returning();
    await createRevision(tx, actor, row!.id, content, "Created", now);
    await audit({
      action: "news.create",
      subjectType: "news_article",
      subjectId: row!.id,
      summary: `Wrote the draft "${row!.title}"`,
    });
    return row!;
  });
}

/** An article's versions, each a JSON copy of its whole content, numbered from 1. */
const articleRevisions = (deps: Pick<Deps, "now">): Revisions<Article, ArticleContent, Revision> => ({
  recordName: "The article",
  revisionName: "The revision",
  allowed: (actor) => canManageNews(actor),
  refusal: onlySecretariat,
  find: (db, article, number) => findRevision(db, article.id, number),
  // Revisions saved before dates had a precision gave full days.
  snapshotOf: (r) => ({ datePrecision: "day" as const, ...r.content }),
  save: async (tx, actor, current, content, note) => {
    const now = deps.now();
    const [row] = await tx
      .update(newsArticles)
      .set({ ...content, updatedAt: now })
      .where(eq(newsArticles.id, current.id))
      .returning();
    return { record: row!, ref: await createRevision(tx, actor, current.id, content, note, now) };
  },
});

/** The audit entry of a save: the revision's number and which fields changed. */
function describeSave(action: string, note: string | null, current: Article, content: ArticleContent) {
  const changed = changedFields(pickFields(current, Object.keys(content)), content);
  return ({ record, ref }: Saved<Article>) => ({
    action,
    subjectType: "news_article",
    subjectId: current.id,
    summary: `${note ?? "Edited"} "${record.title}" (revision ${ref})${changed.length ? `: ${changed.join(", ")}` : ""}`,
    details: { revision: ref, changed },
  });
}

/** Saves new content for an article (its status stays); every save adds a revision. */
export async function updateArticle(deps: Deps, actor: Actor, id: number, raw: unknown): Promise<Article> {
  const current = await findArticle(deps.db, id);
  if (!current) throw notFound("The article");
  if (!canManageNews(actor)) throw forbidden(onlySecretariat);
  const content = toContent(parseInput(articleInput, raw));
  const describe = describeSave("news.update", null, current, content);
  return saveRevision(deps, actor, articleRevisions(deps), current, content, { note: null, describe });
}

/** Brings back an earlier revision's content as a new revision; nothing is overwritten. */
export async function restoreArticleRevision(
  deps: Deps,
  actor: Actor,
  id: number,
  number: number,
): Promise<Article> {
  const current = await findArticle(deps.db, id);
  const kind = articleRevisions(deps);
  const note = `Restored revision ${number}`;
  return restoreRevision(deps, actor, kind, current, number, {
    note: () => note,
    describe: (saved, revision) =>
      describeSave("news.restore", note, current!, kind.snapshotOf(revision))(saved),
  });
}
