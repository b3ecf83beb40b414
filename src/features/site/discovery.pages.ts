import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { buildSitemap } from "../news/news.feeds.js";
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
];

/** sitemap.xml (every public page, absolute addresses) and robots.txt (all allowed but the private area). */
export function discoveryPages() {
  const app = new Hono<AppEnv>();

  app.get("/sitemap.xml", async (c) => {
    const deps = c.var.deps;
    const base = deps.config.baseUrl.replace(/\/+$/, "");
    const [orgs, articles, records, pageDates] = await Promise.all([
      listOrganisations(deps.db),
      listLiveSlugs(deps.db, deps.now()),
      listSitemapRecords(deps.db),
      contentPageDates(deps.db),
    ]);
    const urls = [
      ...fixedPaths.map((p) => ({ loc: `${base}${p}` })),
      ...contentPageRoutes.map((r) => ({ loc: `${base}${r.path}`, lastmod: pageDates.get(r.slug) })),
      ...orgs.map((o) => ({ loc: `${base}/members/${o.slug}`, lastmod: o.updatedAt })),
      ...articles.map((a) => ({ loc: `${base}/news/${a.slug}`, lastmod: a.updatedAt })),
      ...records.map((r) => ({ loc: `${base}${r.path}`, lastmod: r.lastmod })),
    ];
    return c.body(buildSitemap(urls), 200, { "Content-Type": "application/xml; charset=utf-8" });
  });

  app.get("/robots.txt", (c) => {
    const base = c.var.deps.config.baseUrl.replace(/\/+$/, "");
    const text = ["User-agent: *", "Allow: /", "Disallow: /private", "", `Sitemap: ${base}/sitemap.xml`, ""];
    return c.body(text.join("\n"), 200, { "Content-Type": "text/plain; charset=utf-8" });
  });

  return app;
}
