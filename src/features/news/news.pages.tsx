import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { pageParam } from "../../http/guards.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { canManageNews, canReadArticle, isLive } from "./news.policy.js";
import { findArticleBySlug, listLiveArticles } from "./news.queries.js";
import { ArticlePage } from "./views/article-page.js";
import { NewsList } from "./views/news-list.js";

export const NEWS_PER_PAGE = 10;

async function newsList(c: AppContext) {
  const deps = c.var.deps;
  const page = pageParam(c.req.query("page"));
  const { rows, total } = await listLiveArticles(deps.db, deps.now(), page, NEWS_PER_PAGE);
  const pages = Math.max(1, Math.ceil(total / NEWS_PER_PAGE));
  if (page > pages) throw notFound("This page of news");
  return renderPage(c, {
    title: page > 1 ? `News, page ${page}` : "News",
    description: "News of the forum: meetings, publications and announcements.",
    body: () => <NewsList {...{ rows, page, pages }} />,
  });
}

async function article(c: AppContext) {
  const deps = c.var.deps;
  const actor = c.var.actor;
  const a = await findArticleBySlug(deps.db, c.req.param("slug") ?? "");
  const now = deps.now();
  // Drafts, scheduled and unpublished articles do not exist for visitors.
  if (!a || !canReadArticle(actor, a, now)) throw notFound("This article");
  const preview = !isLive(a, now);
  return renderPage(c, {
    title: a.title,
    description: a.summary,
    og: { type: "article", image: a.imageUrl, imageAlt: a.imageAlt },
    body: () => <ArticlePage a={a} preview={preview} manage={canManageNews(actor)} />,
  });
}

/** The public news list and article pages. */
export const newsPages = pageGroup([
  ["GET", "/news", newsList],
  ["GET", "/news/:slug", article],
]);
