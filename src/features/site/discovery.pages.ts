import type { Deps } from "../../deps.js";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { pageGroup } from "../../http/routes.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { buildSitemap, buildSitemapIndex, type SitemapUrl } from "../news/news.feeds.export.js";
import { listLiveSlugs } from "../news/news.queries.js";
import { contentPageRoutes } from "../pages/pages.pages.js";
import { contentPageDates, listSitemapRecords } from "./sitemap.queries.js";

/** The public sections and lists that are not records themselves. */
const fixedPaths = [
  "/",
  "/about",
  "/news",
  "/publications",
  "/members",
  "/groups",
  "/meetings",
  "/roadmap",
  "/roadmap/framework",
  "/roadmap/editions",
  "/faq",
  "/contact",
  "/accessibility",
];

/** sitemaps.org allows at most 50,000 addresses in one file. */
export const SITEMAP_LIMIT = 50_000;

/** Every public address, absolute, with when it last changed where known. */
async function sitemapUrls(deps: Deps): Promise<SitemapUrl[]> {
  const base = deps.config.baseUrl.replace(/\/+$/, "");
  const [orgs, articles, records, pageDates] = await Promise.all([
    listOrganisations(deps.db),
    listLiveSlugs(deps.db, deps.now()),
    listSitemapRecords(deps.db),
    contentPageDates(deps.db),
  ]);
  return [
    ...fixedPaths.map((p) => ({ loc: `${base}${p}` })),
    ...contentPageRoutes.map((r) => ({ loc: `${base}${r.path}`, lastmod: pageDates.get(r.slug) })),
    ...orgs.map((o) => ({ loc: `${base}/members/${o.slug}`, lastmod: o.updatedAt })),
    ...articles.map((a) => ({ loc: `${base}/news/${a.slug}`, lastmod: a.updatedAt })),
    ...records.map((r) => ({ loc: `${base}${r.path}`, lastmod: r.lastmod })),
  ];
}

const xml = { "Content-Type": "application/xml; charset=utf-8" };

/** sitemap.xml: every address, or past `perFile` of them an index of the /sitemaps/N.xml parts. */
const sitemap = (perFile: number) => async (c: AppContext) => {
  const deps = c.var.deps;
  const urls = await sitemapUrls(deps);
  if (urls.length <= perFile) return c.body(buildSitemap(urls), 200, xml);
  const base = deps.config.baseUrl.replace(/\/+$/, "");
  const files = [];
  for (let k = 0; k * perFile < urls.length; k++) {
    const part = urls.slice(k * perFile, (k + 1) * perFile);
    const newest = part.reduce((t, u) => Math.max(t, u.lastmod?.getTime() ?? 0), 0);
    const lastmod = newest ? new Date(newest) : undefined;
    files.push({ loc: `${base}/sitemaps/${k + 1}.xml`, lastmod });
  }
  return c.body(buildSitemapIndex(files), 200, xml);
};

/** One part of a sitemap too long for one file. */
const sitemapPart = (perFile: number) => async (c: AppContext) => {
  const n = Number(/^([1-9][0-9]{0,5})\.xml$/.exec(c.req.param("file") ?? "")?.[1]);
  const urls = Number.isInteger(n) ? await sitemapUrls(c.var.deps) : [];
  const part = urls.slice((n - 1) * perFile, n * perFile);
  // A site that fits in one file has no parts: its sitemap.xml lists everything.
  if (urls.length <= perFile || part.length === 0) throw notFound("This sitemap file");
  return c.body(buildSitemap(part), 200, xml);
};

function robots(c: AppContext) {
  const base = c.var.deps.config.baseUrl.replace(/\/+$/, "");
  const text = ["User-agent: *", "Allow: /", "Disallow: /private", "", `Sitemap: ${base}/sitemap.xml`, ""];
  return c.body(text.join("\n"), 200, { "Content-Type": "text/plain; charset=utf-8" });
}

/**
 * sitemap.xml (every public page, absolute addresses) and robots.txt (all allowed but the private
 * area). Past `perFile` addresses, sitemap.xml becomes an index of /sitemaps/N.xml files of at
 * most `perFile` addresses each, as sitemaps.org requires.
 */
export function discoveryPages(perFile = SITEMAP_LIMIT) {
  return pageGroup([
    ["GET", "/sitemap.xml", sitemap(perFile)],
    ["GET", "/sitemaps/:file", sitemapPart(perFile)],
    ["GET", "/robots.txt", robots],
  ])();
}
