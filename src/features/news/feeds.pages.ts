import type { Deps } from "../../deps.js";
import type { AppContext } from "../../http/env.js";
import { pageGroup } from "../../http/routes.js";
import { loadForum } from "../../web/forum.js";
import { renderMarkdown } from "../../web/markdown.js";
import { buildAtom, buildRss, type FeedInfo, type FeedItem } from "./news.feeds.export.js";
import { listLiveArticles } from "./news.queries.js";

export const FEED_SIZE = 20;

async function feedData(deps: Deps, path: string): Promise<{ info: FeedInfo; items: FeedItem[] }> {
  const base = deps.config.baseUrl.replace(/\/+$/, "");
  const [forum, { rows }] = await Promise.all([
    loadForum(deps),
    listLiveArticles(deps.db, deps.now(), 1, FEED_SIZE),
  ]);
  const items = rows.map((a) => ({
    title: a.title,
    url: `${base}/news/${a.slug}`,
    summary: a.summary,
    html: renderMarkdown(a.body),
    published: a.publishAt ?? a.createdAt,
    updated: a.updatedAt,
  }));
  const updated = items.reduce((d, i) => (i.updated > d ? i.updated : d), new Date(0));
  return {
    info: {
      title: `${forum.acronym} news`,
      subtitle: `News of the ${forum.name}`,
      siteUrl: `${base}/news`,
      feedUrl: `${base}${path}`,
      updated: items.length ? updated : deps.now(),
    },
    items,
  };
}

async function atomFeed(c: AppContext) {
  const { info, items } = await feedData(c.var.deps, "/feeds/news.atom");
  return c.body(buildAtom(info, items), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
}

async function rssFeed(c: AppContext) {
  const { info, items } = await feedData(c.var.deps, "/feeds/news.rss");
  return c.body(buildRss(info, items), 200, { "Content-Type": "application/rss+xml; charset=utf-8" });
}

/** The news feeds: Atom 1.0 and RSS 2.0, the latest published articles with absolute links. */
export const feedPages = pageGroup([
  ["GET", "/feeds/news.atom", atomFeed],
  ["GET", "/feeds/news.rss", rssFeed],
]);
