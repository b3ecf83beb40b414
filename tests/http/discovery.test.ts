import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { gerEditions, meetings, newsArticles, publications } from "../../src/db/schema/index.js";
import { discoveryPages } from "../../src/features/site/discovery.pages.js";
import { visitor } from "../../src/http/actor.js";
import type { AppEnv } from "../../src/http/env.js";
import { handleError } from "../../src/http/error-pages.js";
import { useTestDatabase } from "../support/database.js";
import { findAll, parseXml, textOf, type XmlElement } from "../support/xml.js";

const t = useTestDatabase();
const base = "http://localhost:3000";
const first = (el: XmlElement, name: string) => findAll(el, name)[0];

describe("publication feeds", () => {
  it("the Atom feed parses, with absolute links, dates and the newest publications first", async () => {
    const res = await t.app.request("/feeds/publications.atom");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parseXml(await res.text());
    expect(feed.name).toBe("feed");
    expect(feed.attrs.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(textOf(first(feed, "id"))).toBe(`${base}/feeds/publications.atom`);
    expect(textOf(first(feed, "updated"))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const entries = findAll(feed, "entry");
    expect(entries.length).toBeGreaterThanOrEqual(10);
    expect(entries.length).toBeLessThanOrEqual(20);
    for (const e of entries) {
      expect(first(e, "link")!.attrs.href).toMatch(/^http:\/\/localhost:3000\/publications\/[a-z0-9-]+$/);
      expect(textOf(first(e, "id"))).toBe(first(e, "link")!.attrs.href);
      expect(textOf(first(e, "title")).length).toBeGreaterThan(0);
      expect(textOf(first(e, "summary")).length).toBeGreaterThan(0);
      expect(Date.parse(textOf(first(e, "published")))).not.toBeNaN();
      expect(Date.parse(textOf(first(e, "updated")))).toBeGreaterThanOrEqual(
        Date.parse(textOf(first(e, "published"))),
      );
    }
    const published = entries.map((e) => Date.parse(textOf(first(e, "published"))));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
  });

  it("the RSS feed parses with a channel, a self link and items with permalinks", async () => {
    const res = await t.app.request("/feeds/publications.rss");
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const rss = parseXml(await res.text());
    expect(rss.attrs.version).toBe("2.0");
    const channel = first(rss, "channel")!;
    expect(textOf(first(channel, "link"))).toBe(`${base}/publications`);
    expect(first(channel, "atom:link")!.attrs.href).toBe(`${base}/feeds/publications.rss`);
    const items = findAll(rss, "item");
    expect(items.length).toBeGreaterThanOrEqual(10);
    for (const i of items) {
      expect(textOf(first(i, "guid"))).toBe(textOf(first(i, "link")));
      expect(textOf(first(i, "pubDate"))).toMatch(/^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/);
    }
  });

  it("a new publication appears in both feeds, its title escaped", async () => {
    await t.deps.db.insert(publications).values({
      slug: "feed-test-paper",
      title: "Rovers & <script>alert(1)</script> landers",
      category: "paper",
      postedOn: "2099-01-01",
      description: "A **paper** on rovers.",
    });
    const atom = await (await t.app.request("/feeds/publications.atom")).text();
    expect(atom).not.toContain("<script>");
    const entry = findAll(parseXml(atom), "entry")[0]!;
    expect(textOf(first(entry, "title"))).toBe("Rovers & <script>alert(1)</script> landers");
    expect(textOf(first(entry, "content"))).toContain("<strong>paper</strong>");
    const rss = parseXml(await (await t.app.request("/feeds/publications.rss")).text());
    expect(textOf(first(findAll(rss, "item")[0]!, "link"))).toBe(`${base}/publications/feed-test-paper`);
  });

  it("/publications announces the feeds for autodiscovery and links them", async () => {
    const html = await (await t.app.request("/publications")).text();
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Publications (Atom)" href="/feeds/publications.atom"/>',
    );
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Publications (RSS)" href="/feeds/publications.rss"/>',
    );
    expect(html).toContain('<a href="/feeds/publications.rss">RSS feed</a>');
  });
});

describe("sitemap.xml", () => {
  const locs = async () => {
    const res = await t.app.request("/sitemap.xml");
    expect(res.status).toBe(200);
    return findAll(parseXml(await res.text()), "url").map((u) => ({
      loc: textOf(first(u, "loc")),
      lastmod: textOf(first(u, "lastmod")),
    }));
  };

  it("lists sections, publications, groups, missions, meetings, members, news and content pages", async () => {
    const list = (await locs()).map((u) => u.loc);
    for (const p of [
      "/",
      "/publications",
      "/publications/annual-report-2007",
      "/groups",
      "/groups/erwg",
      "/roadmap",
      "/roadmap/missions/artemis-1",
      "/meetings",
      "/meetings/2007-berlin",
      "/members/esa",
      "/news",
      "/faq",
      "/science",
      "/technology",
      "/lunar-volatiles",
    ])
      expect(list).toContain(`${base}${p}`);
    expect(new Set(list).size).toBe(list.length);
  });

  it("gives a lastmod date for records", async () => {
    const list = await locs();
    for (const path of ["/publications/annual-report-2007", "/groups/erwg", "/roadmap/missions/artemis-1"])
      expect(list.find((u) => u.loc === `${base}${path}`)?.lastmod).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it("leaves out members-only meetings, draft news, draft editions and the private area", async () => {
    await t.deps.db.update(meetings).set({ public: false }).where(eq(meetings.slug, "2007-berlin"));
    await t.deps.db.insert(newsArticles).values({
      slug: "sitemap-draft",
      title: "A draft",
      newsDate: "2030-01-01",
      summary: "Not yet.",
      body: "Not yet.",
      status: "draft",
    });
    await t.deps.db.insert(gerEditions).values({
      slug: "sitemap-draft-edition",
      name: "Draft",
      year: 2031,
      kind: "edition",
      frozenAt: new Date(),
    });
    const list = (await locs()).map((u) => u.loc);
    expect(list).not.toContain(`${base}/meetings/2007-berlin`);
    expect(list).toContain(`${base}/meetings/2008-montreal`);
    expect(list.some((l) => l.includes("sitemap-draft"))).toBe(false);
    expect(list.some((l) => l.includes("/private"))).toBe(false);
  });
});

describe("a sitemap past the per-file limit", () => {
  // The same routes with a limit of 40 addresses per file instead of 50,000.
  const small = () => {
    const app = new Hono<AppEnv>();
    app.use((c, next) => {
      c.set("deps", t.deps);
      c.set("actor", visitor);
      return next();
    });
    app.onError(handleError);
    app.route("/", discoveryPages(40));
    return app;
  };

  it("becomes an index of files of at most that many addresses, which together list every address once", async () => {
    const app = small();
    const whole = findAll(parseXml(await (await t.app.request("/sitemap.xml")).text()), "loc").map(textOf);
    expect(whole.length).toBeGreaterThan(80);
    const index = parseXml(await (await app.request("/sitemap.xml")).text());
    expect(index.name).toBe("sitemapindex");
    const files = findAll(index, "sitemap").map((s) => textOf(first(s, "loc")));
    expect(files).toHaveLength(Math.ceil(whole.length / 40));
    expect(files[0]).toBe(`${base}/sitemaps/1.xml`);
    const listed: string[] = [];
    for (const file of files) {
      const res = await app.request(file.slice(base.length));
      expect(res.status).toBe(200);
      const locs = findAll(parseXml(await res.text()), "url").map((u) => textOf(first(u, "loc")));
      expect(locs.length).toBeLessThanOrEqual(40);
      listed.push(...locs);
    }
    expect(listed).toEqual(whole);
  });

  it("answers 404 for a file past the last, a malformed name, and any file of a site that fits in one", async () => {
    const app = small();
    const count = findAll(parseXml(await (await app.request("/sitemap.xml")).text()), "sitemap").length;
    expect((await app.request(`/sitemaps/${count + 1}.xml`)).status).toBe(404);
    expect((await app.request("/sitemaps/0.xml")).status).toBe(404);
    expect((await app.request("/sitemaps/one.xml")).status).toBe(404);
    expect((await t.app.request("/sitemaps/1.xml")).status).toBe(404);
  });
});

describe("Open Graph and canonical tags", () => {
  it.each(["/", "/about", "/publications", "/members", "/groups", "/faq", "/science", "/search"])(
    "%s has a canonical address and Open Graph tags",
    async (path) => {
      const html = await (await t.app.request(path)).text();
      expect(html).toContain(`<link rel="canonical" href="${base}${path}"/>`);
      expect(html).toContain('<meta property="og:type" content="website"/>');
      expect(html).toContain(`<meta property="og:url" content="${base}${path}"/>`);
      expect(html).toMatch(/<meta property="og:title" content="[^"]+"\/>/);
      expect(html).toMatch(/<meta property="og:site_name" content="[^"]+"\/>/);
    },
  );
});
