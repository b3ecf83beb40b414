import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { pageParam } from "../../http/guards.js";
import { renderPage } from "../../http/page.js";
import { EmptyState, PageHeader, Pagination } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { SubscribeBox } from "../subscriptions/views/subscribe-box.js";
import { canManageNews, canReadArticle, isLive } from "./news.policy.js";
import { findArticleBySlug, listLiveArticles } from "./news.queries.js";
import { ArticleBody, ArticleCard, ArticleMeta, statusLabels } from "./views/article.js";

export const NEWS_PER_PAGE = 10;

/** The public news list and article pages. */
export function newsPages() {
  const app = new Hono<AppEnv>();

  app.get("/news", async (c) => {
    const deps = c.var.deps;
    const page = pageParam(c.req.query("page"));
    const { rows, total } = await listLiveArticles(deps.db, deps.now(), page, NEWS_PER_PAGE);
    const pages = Math.max(1, Math.ceil(total / NEWS_PER_PAGE));
    if (page > pages) throw notFound("This page of news");
    return renderPage(c, {
      title: page > 1 ? `News, page ${page}` : "News",
      description: "News of the forum: meetings, publications and announcements.",
      body: () => (
        <div class="wrap">
          <PageHeader
            eyebrow="News"
            title="News"
            lead="Meetings, publications and announcements from the forum, newest first."
            actions={
              <p class="feed-links small">
                Follow: <a href="/feeds/news.atom">Atom feed</a> · <a href="/feeds/news.rss">RSS feed</a>
              </p>
            }
          />
          {rows.length === 0 ? (
            <EmptyState title="No news yet">
              New articles will appear here when they are published.
            </EmptyState>
          ) : (
            <div class="news-list">
              {rows.map((a) => (
                <ArticleCard a={a} />
              ))}
            </div>
          )}
          <Pagination page={page} pages={pages} href={(p) => `/news?page=${p}`} />
          <SubscribeBox />
        </div>
      ),
    });
  });

  app.get("/news/:slug", async (c) => {
    const deps = c.var.deps;
    const actor = c.var.actor;
    const a = await findArticleBySlug(deps.db, c.req.param("slug"));
    const now = deps.now();
    // Drafts, scheduled and unpublished articles do not exist for visitors.
    if (!a || !canReadArticle(actor, a, now)) throw notFound("This article");
    const preview = !isLive(a, now);
    return renderPage(c, {
      title: a.title,
      description: a.summary,
      og: { type: "article", image: a.imageUrl, imageAlt: a.imageAlt },
      body: () => (
        <div class="wrap article-page">
          {preview ? (
            <p class="preview-banner" role="status">
              <strong>Preview.</strong> This article is {statusLabels[a.status].toLowerCase()}
              {a.status === "scheduled" && a.publishAt ? ` for ${formatTimestamp(a.publishAt)}` : ""} and not
              visible to the public.
            </p>
          ) : null}
          <p class="breadcrumb">
            <a href="/news">← All news</a>
          </p>
          <article>
            <h1>{a.title}</h1>
            <ArticleMeta a={a} />
            <p class="lead">{a.summary}</p>
            {a.imageUrl ? (
              <figure class="article-image">
                <img src={a.imageUrl} alt={a.imageAlt ?? ""} />
              </figure>
            ) : null}
            <ArticleBody body={a.body} />
          </article>
          {canManageNews(actor) ? (
            <p>
              <a href={`/private/news/${a.id}/edit`}>Edit this article</a>
            </p>
          ) : null}
        </div>
      ),
    });
  });

  return app;
}
