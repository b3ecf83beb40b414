/** One entry of a news feed, already resolved to absolute links. */
export type FeedItem = {
  title: string;
  url: string;
  summary: string;
  /** Rendered HTML of the article body (escaped again as XML text). */
  html: string;
  published: Date;
  updated: Date;
};

export type FeedInfo = { title: string; subtitle: string; siteUrl: string; feedUrl: string; updated: Date };

/** Escapes text for XML element content and attribute values. */
export function xmlEscape(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // Control characters other than tab and newlines are not allowed in XML 1.0.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
  );
}

const el = (name: string, text: string) => `<${name}>${xmlEscape(text)}</${name}>`;

/** An Atom 1.0 feed document. */
export function buildAtom(info: FeedInfo, items: FeedItem[]): string {
  const entries = items.map((i) =>
    [
      "<entry>",
      el("title", i.title),
      `<link rel="alternate" type="text/html" href="${xmlEscape(i.url)}"/>`,
      el("id", i.url),
      el("published", i.published.toISOString()),
      el("updated", i.updated.toISOString()),
      `<summary type="text">${xmlEscape(i.summary)}</summary>`,
      `<content type="html">${xmlEscape(i.html)}</content>`,
      "</entry>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    el("title", info.title),
    `<subtitle>${xmlEscape(info.subtitle)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(info.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(info.siteUrl)}"/>`,
    el("id", info.feedUrl),
    el("updated", info.updated.toISOString()),
    `<author><name>${xmlEscape(info.title)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

/** An RSS 2.0 feed document. */
export function buildRss(info: FeedInfo, items: FeedItem[]): string {
  const entries = items.map((i) =>
    [
      "<item>",
      el("title", i.title),
      el("link", i.url),
      `<guid isPermaLink="true">${xmlEscape(i.url)}</guid>`,
      el("pubDate", i.published.toUTCString()),
      // Readers take an RSS description as HTML: a plain-text summary is escaped as HTML first, so
      // "<img onerror=…>" in a summary shows as text instead of running in the reader.
      el("description", xmlEscape(i.summary)),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    el("title", info.title),
    el("link", info.siteUrl),
    el("description", xmlEscape(info.subtitle)),
    "<language>en</language>",
    el("lastBuildDate", info.updated.toUTCString()),
    `<atom:link href="${xmlEscape(info.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ...entries,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

/** An absolute address for a sitemap, with the day it last changed if known. */
export type SitemapUrl = { loc: string; lastmod?: Date };

const sitemapEntry = (tag: string, u: SitemapUrl) =>
  `<${tag}>${el("loc", u.loc)}${u.lastmod ? el("lastmod", u.lastmod.toISOString().slice(0, 10)) : ""}</${tag}>`;

/** A sitemaps.org document listing absolute page addresses. */
export function buildSitemap(urls: SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => sitemapEntry("url", u)),
    "</urlset>",
    "",
  ].join("\n");
}

/** A sitemaps.org index listing the sitemap files of a site too large for one. */
export function buildSitemapIndex(files: SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files.map((f) => sitemapEntry("sitemap", f)),
    "</sitemapindex>",
    "",
  ].join("\n");
}
