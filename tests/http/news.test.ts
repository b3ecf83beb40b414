import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newsArticles, newsRevisions } from "../../src/db/schema/index.js";
import { publishDueArticles } from "../../src/features/news/news.publishing.service.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { findAll, parseXml, textOf } from "../support/xml.js";

// A clock the tests can move: the scheduler and the public pages read it through deps.now().
let clock = new Date();
const t = useTestDatabase({ now: () => clock });
const HOUR = 3_600_000;

const article = {
  title: "Lunar workshop announced",
  date: "2031-05-04",
  place: "Tokyo, Japan",
  summary: "The forum announces a workshop on lunar surface operations.",
  body: "The workshop takes **two days**.\n\n- talks\n- posters",
};

const articleCount = async () => (await t.deps.db.select({ n: count() }).from(newsArticles))[0]!.n;
const revisionCount = async () => (await t.deps.db.select({ n: count() }).from(newsRevisions))[0]!.n;

async function secretariat() {
  clock = new Date();
  const me = await makePerson(t.deps, ["secretariat"], null);
  return { me, b: await browser(t.deps, t.app, me) };
}

/** Writes a draft through the form and returns its id and slug. */
async function draft(b: Awaited<ReturnType<typeof secretariat>>["b"], values: Record<string, string> = {}) {
  const res = await b.post("/private/news/new", { ...article, ...values, intent: "save" });
  expect(res.status, await res.clone().text()).toBe(303);
  const id = Number(/\/private\/news\/(\d+)\/edit/.exec(res.headers.get("location")!)![1]);
  const [row] = await t.deps.db.select().from(newsArticles).where(eq(newsArticles.id, id));
  return row!;
}

const visitorGet = (path: string) => t.app.request(path);

describe("news for visitors", () => {
  it("the news list shows the seeded articles, newest first, with a feed link", async () => {
    clock = new Date();
    const html = await (await visitorGet("/news")).text();
    const titles = [...html.matchAll(/<h2><a href="\/news\/([^"]+)">/g)].map((m) => m[1]);
    expect(titles.length).toBeGreaterThanOrEqual(6);
    expect(titles[0]).toBe("songdo-meeting-backs-a-new-global-exploration-roadmap");
    expect(html).toContain('href="/feeds/news.atom"');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(html).toMatch(/<a href="\/news" aria-current="page">News<\/a>/);
  });

  it("an article page shows date, place, Markdown body and Open Graph tags, but not its sources", async () => {
    clock = new Date();
    const res = await visitorGet("/news/darmstadt-meeting-reaffirms-step-wise-path-to-mars");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<time datetime="2015-10-07">7 October 2015</time>');
    expect(html).toContain("ESOC, Darmstadt, Germany");
    expect(html).toContain("<h2>The Moon, the space station and local resources</h2>");
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain(
      '<meta property="og:url" content="http://localhost:3000/news/darmstadt-meeting-reaffirms-step-wise-path-to-mars"/>',
    );
    expect(html).toContain('property="og:description"');
    expect(html).not.toContain("Sources");
    expect(html).not.toContain("file:seeds");
  });

  it("paginates ten per page and answers 404 past the last page", async () => {
    const { b } = await secretariat();
    for (let i = 0; i < 3; i++) {
      const a = await draft(b, { title: `Extra news ${i}`, date: `2001-01-0${i + 1}` });
      await b.post(`/private/news/${a.id}/publish`);
    }
    const page1 = await (await visitorGet("/news")).text();
    expect(page1.match(/class="news-item"/g)).toHaveLength(10);
    expect(page1).toContain('href="/news?page=2"');
    const page2 = await (await visitorGet("/news?page=2")).text();
    expect(page2).toContain("Extra news 0");
    expect((await visitorGet("/news?page=9")).status).toBe(404);
  });

  it("shows an empty state when nothing is published", async () => {
    clock = new Date();
    await t.deps.db.update(newsArticles).set({ status: "unpublished" });
    const html = await (await visitorGet("/news")).text();
    expect(html).toContain("No news yet");
    expect(await (await visitorGet("/")).text()).not.toContain("Latest news");
  });

  it("Home leads with the latest article, followed by the two before it", async () => {
    clock = new Date();
    const html = await (await visitorGet("/")).text();
    const section = html.slice(html.indexOf('id="latest-news"'), html.indexOf("All news</a>"));
    const links = [...section.matchAll(/<h3><a href="(\/news\/[^"]+)"/g)].map((m) => m[1]);
    expect(links).toHaveLength(3);
    expect(links[0]).toBe("/news/songdo-meeting-backs-a-new-global-exploration-roadmap");
  });
});

describe("drafts, publishing, scheduling and unpublishing", () => {
  it("a draft is invisible to visitors everywhere, and previewed with a banner by the secretariat", async () => {
    const { b } = await secretariat();
    const a = await draft(b);
    expect(a.status).toBe("draft");
    expect(a.slug).toBe("lunar-workshop-announced");
    expect((await visitorGet(`/news/${a.slug}`)).status).toBe(404);
    expect(await (await visitorGet("/news")).text()).not.toContain(a.title);
    expect(await (await visitorGet("/feeds/news.atom")).text()).not.toContain(a.title);
    expect((await visitorGet(`/api/v1/news/${a.slug}`)).status).toBe(404);
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"]));
    expect((await member.get(`/news/${a.slug}`)).status).toBe(404);
    const preview = await (await b.get(`/news/${a.slug}`)).text();
    expect(preview).toContain("<strong>Preview.</strong> This article is draft");
    expect(preview).toContain("<strong>two days</strong>");
  });

  it("publishing makes it public, on Home as the lead and in the feeds", async () => {
    const { b } = await secretariat();
    const a = await draft(b);
    await visitorGet("/news"); // fill the page cache
    const res = await b.post(`/private/news/${a.id}/publish`);
    expect(res.headers.get("location")).toBe(`/private/news/${a.id}/edit?done=published`);
    expect((await visitorGet(`/news/${a.slug}`)).status).toBe(200);
    expect(await (await visitorGet("/news")).text()).toContain(a.title);
    expect(await (await visitorGet("/")).text()).toContain(`href="/news/${a.slug}"`);
    expect(await (await visitorGet("/feeds/news.rss")).text()).toContain(a.title);
  });

  it("a scheduled article goes live at its time without anyone visiting, through the worker", async () => {
    const { b } = await secretariat();
    const a = await draft(b);
    const at = new Date(clock.getTime() + HOUR);
    const res = await b.post(`/private/news/${a.id}/schedule`, { publishAt: at.toISOString().slice(0, 16) });
    expect(res.status).toBe(303);
    expect(await (await visitorGet("/news")).text()).not.toContain(a.title); // and now cached
    expect(await publishDueArticles(t.deps)).toBe(0);
    clock = new Date(at.getTime() + 60_000);
    expect(await publishDueArticles(t.deps, clock)).toBe(1);
    const [row] = await t.deps.db.select().from(newsArticles).where(eq(newsArticles.id, a.id));
    expect(row!.status).toBe("published");
    // The cached list was dropped: the next visitor sees the article.
    expect(await (await visitorGet("/news")).text()).toContain(a.title);
    expect(await publishDueArticles(t.deps, clock)).toBe(0);
  });

  it("scheduling in the past or with a bad time is refused and changes nothing", async () => {
    const { b } = await secretariat();
    const a = await draft(b);
    for (const publishAt of ["2001-01-01T10:00", "soon", ""]) {
      const res = await b.post(`/private/news/${a.id}/schedule`, { publishAt });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('id="f-publishAt-error"');
    }
    const [row] = await t.deps.db.select().from(newsArticles).where(eq(newsArticles.id, a.id));
    expect(row!.status).toBe("draft");
  });

  it("unpublishing asks for confirmation, then hides the article", async () => {
    clock = new Date();
    const { b } = await secretariat();
    const slug = "darmstadt-meeting-reaffirms-step-wise-path-to-mars";
    const [a] = await t.deps.db.select().from(newsArticles).where(eq(newsArticles.slug, slug));
    const confirm = await (await b.get(`/private/news/${a!.id}/unpublish`)).text();
    expect(confirm).toContain("Unpublish the article?");
    expect(confirm).toContain(`action="/private/news/${a!.id}/unpublish"`);
    expect((await visitorGet(`/news/${slug}`)).status).toBe(200);
    await b.post(`/private/news/${a!.id}/unpublish`);
    expect((await visitorGet(`/news/${slug}`)).status).toBe(404);
    expect(await (await visitorGet("/feeds/news.atom")).text()).not.toContain(slug);
    expect(await (await visitorGet("/sitemap.xml")).text()).not.toContain(slug);
  });
});

describe("revisions", () => {
  it("every save is a revision; restoring adds one and keeps the address", async () => {
    const { me, b } = await secretariat();
    const a = await draft(b);
    const edit = await b.post(`/private/news/${a.id}/edit`, { ...article, title: "Renamed workshop" });
    expect(edit.status).toBe(303);
    const history = await (await b.get(`/private/news/${a.id}/history`)).text();
    expect(history).toContain("Renamed workshop");
    expect(history).toContain(me.name);
    expect(history).toContain(`/private/news/${a.id}/revisions/1/restore`);
    const restored = await b.post(`/private/news/${a.id}/revisions/1/restore`);
    expect(restored.status).toBe(303);
    const revs = await t.deps.db.select().from(newsRevisions).where(eq(newsRevisions.articleId, a.id));
    expect(revs.map((r) => [r.number, r.content.title])).toEqual([
      [1, article.title],
      [2, "Renamed workshop"],
      [3, article.title],
    ]);
    expect(revs[2]!.note).toBe("Restored revision 1");
    const [row] = await t.deps.db.select().from(newsArticles).where(eq(newsArticles.id, a.id));
    expect(row).toMatchObject({ title: article.title, slug: a.slug });
    const old = await (await b.get(`/private/news/${a.id}/history?revision=2`)).text();
    expect(old).toContain("<h2>Renamed workshop</h2>");
  });

  it("the preview button renders the form's Markdown and saves nothing", async () => {
    const { b } = await secretariat();
    const before = await articleCount();
    const res = await b.post("/private/news/new", {
      ...article,
      body: "# Heading\n\n*soft*",
      intent: "preview",
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Preview (not saved)");
    expect(html).toContain("<h1>Heading</h1>");
    expect(html).toContain("<em>soft</em>");
    expect(await articleCount()).toBe(before);
  });
});

describe("safety of what authors write", () => {
  it("a script in a title is escaped on the page, in lists and in the feeds", async () => {
    const { b } = await secretariat();
    const a = await draft(b, { title: '<script>alert("x")</script> Moon' });
    await b.post(`/private/news/${a.id}/publish`);
    for (const path of [`/news/${a.slug}`, "/news", "/", "/feeds/news.atom", "/feeds/news.rss"]) {
      const body = await (await visitorGet(path)).text();
      expect(body, path).not.toContain("<script>alert");
      expect(body, path).toMatch(/&lt;script&gt;alert\((&quot;|")x(&quot;|")\)&lt;\/script&gt; Moon/);
    }
    const admin = await (await b.get("/private/news")).text();
    expect(admin).not.toContain("<script>alert");
  });

  it("broken Markdown and raw HTML render as text without breaking the page", async () => {
    const { b } = await secretariat();
    const body =
      '**unclosed _emph [link](javascript:alert(1)) <img src=x onerror="alert(1)">\n\n```\nunclosed fence\n\n</div></main>';
    const a = await draft(b, { body });
    await b.post(`/private/news/${a.id}/publish`);
    const res = await visitorGet(`/news/${a.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;img src=x");
    expect(html).toContain("&lt;/div&gt;&lt;/main&gt;");
    expect(html).toContain('<footer class="site-footer">');
  });

  it.each([
    [{ title: "" }, "title", "Enter a title"],
    [{ date: "2023-02-30" }, "date", "not a real date"],
    [{ date: "next week" }, "date", "YYYY-MM-DD"],
    [{ imageUrl: "https://example.org/a.jpg" }, "imageAlt", "Describe the image"],
    [{ summary: "" }, "summary", "short summary"],
  ])("bad input %j gets 422 with a message and changes nothing", async (change, field, message) => {
    const { b } = await secretariat();
    const articles = await articleCount();
    const revisions = await revisionCount();
    const res = await b.post("/private/news/new", { ...article, ...change, intent: "save" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(`id="f-${field}-error"`);
    expect(html).toContain(message);
    // The form keeps what was typed.
    expect(html).toContain("The workshop takes **two days**.");
    expect(await articleCount()).toBe(articles);
    const a = await draft(b);
    const edit = await b.post(`/private/news/${a.id}/edit`, { ...article, ...change, intent: "save" });
    expect(edit.status).toBe(422);
    expect(await revisionCount()).toBe(revisions + 1);
  });
});

describe("feeds and discovery", () => {
  it("the Atom feed parses, has absolute links and only published articles", async () => {
    const { b } = await secretariat();
    const hidden = await draft(b, { title: "Hidden draft" });
    const res = await visitorGet("/feeds/news.atom");
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parseXml(await res.text());
    const entries = findAll(feed, "entry");
    expect(entries.length).toBeGreaterThanOrEqual(6);
    expect(entries.length).toBeLessThanOrEqual(20);
    for (const e of entries)
      expect(findAll(e, "link")[0]!.attrs.href).toMatch(/^http:\/\/localhost:3000\/news\//);
    expect(entries.map((e) => textOf(findAll(e, "title")[0]))).not.toContain(hidden.title);
    expect(textOf(findAll(feed, "id")[0])).toBe("http://localhost:3000/feeds/news.atom");
  });

  it("the RSS feed parses with channel and items", async () => {
    clock = new Date();
    const res = await visitorGet("/feeds/news.rss");
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const rss = parseXml(await res.text());
    const items = findAll(rss, "item");
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(textOf(findAll(items[0]!, "link")[0])).toBe(
      "http://localhost:3000/news/songdo-meeting-backs-a-new-global-exploration-roadmap",
    );
  });

  it("the sitemap lists public pages, members and articles; robots.txt points to it", async () => {
    clock = new Date();
    const res = await visitorGet("/sitemap.xml");
    expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
    const locs = findAll(parseXml(await res.text()), "loc").map((l) => textOf(l));
    for (const p of [
      "/",
      "/about",
      "/members",
      "/members/esa",
      "/news",
      "/news/annual-report-2022-published",
    ])
      expect(locs).toContain(`http://localhost:3000${p}`);
    expect(locs.some((l) => l.includes("/private"))).toBe(false);
    const robots = await (await visitorGet("/robots.txt")).text();
    expect(robots).toContain("Disallow: /private");
    expect(robots).toContain("Sitemap: http://localhost:3000/sitemap.xml");
  });
});

describe("the news API", () => {
  it("lists and reads published articles only", async () => {
    const { b } = await secretariat();
    const hidden = await draft(b);
    const list = await (await visitorGet("/api/v1/news")).json();
    expect(list.total).toBeGreaterThanOrEqual(6);
    expect(list.data.every((a: { status: string }) => a.status === "published")).toBe(true);
    expect((await visitorGet(`/api/v1/news/${hidden.slug}`)).status).toBe(404);
    const one = await (await visitorGet("/api/v1/news/annual-report-2022-published")).json();
    expect(one.data).toMatchObject({ date: "2023-05-23", status: "published" });
  });

  it("the secretariat creates, publishes and changes articles; bad input changes nothing", async () => {
    const { b } = await secretariat();
    const before = await articleCount();
    const bad = await b.json("POST", "/api/v1/news", { ...article, imageUrl: "https://e.org/x.png" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.imageAlt).toBeTruthy();
    const badTime = await b.json("POST", "/api/v1/news", {
      ...article,
      status: "scheduled",
      publishAt: "2001-01-01T00:00:00Z",
    });
    expect(badTime.status).toBe(422);
    expect(await articleCount()).toBe(before);
    const created = await b.json("POST", "/api/v1/news", { ...article, status: "published" });
    expect(created.status).toBe(201);
    const { data } = await created.json();
    expect(data).toMatchObject({ slug: "lunar-workshop-announced", status: "published" });
    expect(data.html).toContain("<strong>two days</strong>");
    const patched = await b.json("PATCH", `/api/v1/news/${data.slug}`, {
      summary: "A changed summary here.",
    });
    expect(patched.status).toBe(200);
    expect((await patched.json()).data).toMatchObject({
      summary: "A changed summary here.",
      title: article.title,
    });
    const un = await b.json("PATCH", `/api/v1/news/${data.slug}`, { status: "unpublished" });
    expect((await un.json()).data.status).toBe("unpublished");
    expect((await visitorGet(`/api/v1/news/${data.slug}`)).status).toBe(404);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = await (await visitorGet("/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/news", "/news/{slug}"]));
    expect(doc.paths["/news/{slug}"].patch).toBeTruthy();
  });
});

describe("news whose day is not known", () => {
  it("shows only the year or the month, never an invented first day", async () => {
    clock = new Date();
    const html = await (await visitorGet("/news/agencies-meet-in-montreal")).text();
    expect(html).toContain('<time datetime="2023">2023</time>');
    expect(html).not.toContain("1 January 2023");
    const { b } = await secretariat();
    const row = await draft(b, { date: "2031-05-01", datePrecision: "month" });
    expect(row.datePrecision).toBe("month");
    const edit = await (await b.get(`/private/news/${row.id}/edit`)).text();
    expect(edit).toMatch(/<option value="month" selected[^>]*>/);
    const preview = await b.post(`/private/news/${row.id}/edit`, {
      ...article,
      date: "2031-05-01",
      datePrecision: "year",
      intent: "preview",
    });
    expect(await preview.text()).toContain('<time datetime="2031">2031</time>');
    const bad = await b.post("/private/news/new", { ...article, datePrecision: "week", intent: "save" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Choose how the date is shown.");
  });
});

describe("the news dataset", () => {
  it("holds 6 to 15 published, dated and sourced articles, each with a first revision", async () => {
    const rows = await t.deps.db.select().from(newsArticles);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.length).toBeLessThanOrEqual(15);
    for (const a of rows) {
      expect(a.status).toBe("published");
      expect(a.sources.length).toBeGreaterThan(0);
      expect(a.summary.length).toBeGreaterThan(20);
    }
    const revs = await t.deps.db.select().from(newsRevisions);
    expect(revs.length).toBe(rows.length);
  });

  it("loading the news again adds nothing and keeps the secretariat's edits", async () => {
    const slug = "annual-report-2022-published";
    await t.deps.db.update(newsArticles).set({ title: "Edited title" }).where(eq(newsArticles.slug, slug));
    const { seedNews } = await import("../../src/features/news/news.seed.js");
    const { readDataset } = await import("../../src/features/dataset/dataset.seed.js");
    const data = await readDataset(t.deps.config.datasetDir);
    expect(await seedNews(t.deps.db, data.news)).toBe(0);
    const [row] = await t.deps.db.select().from(newsArticles).where(eq(newsArticles.slug, slug));
    expect(row!.title).toBe("Edited title");
  });
});
