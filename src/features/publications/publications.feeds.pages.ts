import type { Deps } from "../../deps.js";
import type { AppContext } from "../../http/env.js";
import { pageGroup } from "../../http/routes.js";
import { loadForum } from "../../web/forum.js";
import { renderMarkdown } from "../../web/markdown.js";
import { buildAtom, buildRss, type FeedInfo, type FeedItem, xmlEscape } from "../news/news.feeds.export.js";
import { listPublications, type PublicationSummary } from "./publications.queries.js";
import { categoryLabels } from "./publications.schemas.js";

/** How many of the newest publications a feed carries. */
export const PUBLICATION_FEED_SIZE = 20;

/** The feeds a page can announce with `<link rel="alternate">`. */
export const publicationFeedLinks = [
  { type: "application/atom+xml", title: "Publications (Atom)", href: "/feeds/publications.atom" },
  { type: "application/rss+xml", title: "Publications (RSS)", href: "/feeds/publications.rss" },
];

/** When a publication went public: its posted date, else its publication date, else when it was added. */
function postedAt(p: PublicationSummary): Date {
  const day = p.postedOn ?? p.publishedOn;
  return day ? new Date(`${day}T00:00:00Z`) : p.createdAt;
}

function itemOf(base: string, p: PublicationSummary): FeedItem {
  const url = `${base}/publications/${p.slug}`;
  const summary = p.description?.trim() || `${categoryLabels[p.category]}: ${p.title}`;
  const file = p.fileName
    ? `<p><a href="${url}/file">Download the PDF</a></p>`
    : p.externalUrl
      ? `<p><a href="${xmlEscape(p.externalUrl)}">Read it on the publisher's site</a></p>`
      : "";
  return {
    title: p.title,
    url,
    summary,
    html: `<p>${categoryLabels[p.category]}</p>${p.description ? renderMarkdown(p.description) : ""}${file}`,
    published: postedAt(p),
    // A record edited after it was posted counts as updated then; never before it was posted.
    updated: p.updatedAt > postedAt(p) ? p.updatedAt : postedAt(p),
  };
}

async function feedData(deps: Deps, path: string): Promise<{ info: FeedInfo; items: FeedItem[] }> {
  const base = deps.config.baseUrl.replace(/\/+$/, "");
  const [forum, { rows }] = await Promise.all([
    loadForum(deps),
    listPublications(deps.db, {}, 1, PUBLICATION_FEED_SIZE),
  ]);
  const items = rows.map((p) => itemOf(base, p));
  const updated = items.reduce((d, i) => (i.updated > d ? i.updated : d), new Date(0));
  return {
    info: {
      title: `${forum.acronym} publications`,
      subtitle: `Roadmaps, reports and papers of the ${forum.name}`,
      siteUrl: `${base}/publications`,
      feedUrl: `${base}${path}`,
      updated: items.length ? updated : deps.now(),
    },
    items,
  };
}

async function atomFeed(c: AppContext) {
  const { info, items } = await feedData(c.var.deps, "/feeds/publications.atom");
  return c.body(buildAtom(info, items), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
}

async function rssFeed(c: AppContext) {
  const { info, items } = await feedData(c.var.deps, "/feeds/publications.rss");
  return c.body(buildRss(info, items), 200, { "Content-Type": "application/rss+xml; charset=utf-8" });
}

/** The publication feeds: Atom 1.0 and RSS 2.0, the newest publications with absolute links. */
export const publicationFeedPages = pageGroup([
  ["GET", "/feeds/publications.atom", atomFeed],
  ["GET", "/feeds/publications.rss", rssFeed],
]);
