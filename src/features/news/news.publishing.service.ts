import { and, eq, inArray, lte } from "drizzle-orm";
import { newsArticles } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { type Actor, systemActor } from "../../http/actor.js";
import { forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { queueArticleNotifications } from "../subscriptions/subscriptions.service.js";
import { canManageNews } from "./news.policy.js";
import { type Article, findArticle, listDueArticles } from "./news.queries.js";
import { scheduleInput } from "./news.schemas.js";

const onlySecretariat = "Only the secretariat can publish news.";

async function load(deps: Deps, actor: Actor, id: number): Promise<Article> {
  const current = await findArticle(deps.db, id);
  if (!current) throw notFound("The article");
  if (!canManageNews(actor)) throw forbidden(onlySecretariat);
  return current;
}

async function setStatus(
  deps: Deps,
  actor: Actor,
  current: Article,
  changes: Pick<Article, "status" | "publishAt">,
  summary: string,
): Promise<Article> {
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .update(newsArticles)
      .set({ ...changes, updatedAt: deps.now() })
      .where(eq(newsArticles.id, current.id))
      .returning();
    await audit({
      action: `news.${changes.status === "published" ? "publish" : changes.status === "scheduled" ? "schedule" : "unpublish"}`,
      subjectType: "news_article",
      subjectId: current.id,
      summary: `${summary} "${current.title}"`,
      details: {
        before: { status: current.status, publishAt: current.publishAt },
        after: { status: changes.status, publishAt: changes.publishAt },
      },
    });
    // Subscribers get the article by mail, queued in this same transaction (once per article).
    if (row!.status === "published") await queueArticleNotifications(tx, deps, row!);
    return row!;
  });
}

/** Publishes an article now (secretariat only). */
export async function publishArticle(deps: Deps, actor: Actor, id: number): Promise<Article> {
  const current = await load(deps, actor, id);
  return setStatus(deps, actor, current, { status: "published", publishAt: deps.now() }, "Published");
}

/** Schedules an article to go live at a future time (secretariat only). */
export async function scheduleArticle(deps: Deps, actor: Actor, id: number, raw: unknown): Promise<Article> {
  const current = await load(deps, actor, id);
  const { publishAt } = parseInput(scheduleInput, raw);
  if (publishAt.getTime() <= deps.now().getTime())
    throw invalid({ publishAt: "Choose a time in the future, or publish the article now." });
  return setStatus(
    deps,
    actor,
    current,
    { status: "scheduled", publishAt },
    `Scheduled for ${publishAt.toISOString()}`,
  );
}

/** Takes an article off the public site; it can be published again later (secretariat only). */
export async function unpublishArticle(deps: Deps, actor: Actor, id: number): Promise<Article> {
  const current = await load(deps, actor, id);
  return setStatus(
    deps,
    actor,
    current,
    { status: "unpublished", publishAt: current.publishAt },
    "Unpublished",
  );
}

/**
 * The scheduler's tick: publishes every scheduled article whose time has come, as the system
 * actor "scheduler", through write() so the public page cache is dropped. Safe to run on several
 * instances at once: the update only takes rows still scheduled.
 */
export async function publishDueArticles(deps: Deps, now: Date = deps.now()): Promise<number> {
  const due = await listDueArticles(deps.db, now);
  if (due.length === 0) return 0;
  return write(deps, systemActor("scheduler"), async (tx, audit) => {
    const rows = await tx
      .update(newsArticles)
      .set({ status: "published", updatedAt: now })
      .where(
        and(
          inArray(
            newsArticles.id,
            due.map((d) => d.id),
          ),
          eq(newsArticles.status, "scheduled"),
          lte(newsArticles.publishAt, now),
        ),
      )
      .returning({
        id: newsArticles.id,
        slug: newsArticles.slug,
        title: newsArticles.title,
        summary: newsArticles.summary,
      });
    for (const r of rows) {
      await queueArticleNotifications(tx, deps, r, now);
      await audit({
        action: "news.publish",
        subjectType: "news_article",
        subjectId: r.id,
        summary: `Published "${r.title}" at its scheduled time`,
      });
    }
    return rows.length;
  });
}
