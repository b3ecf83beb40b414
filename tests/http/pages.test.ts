import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { raw } from "hono/html";
import { describe, expect, it } from "vitest";
import { contentPageRevisions, contentPages } from "../../src/db/schema/index.js";
import { renderContentPage } from "../../src/features/pages/pages.pages.js";
import type { AppEnv } from "../../src/http/env.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const page = async (slug: string) =>
  (await t.deps.db.select().from(contentPages).where(eq(contentPages.slug, slug)))[0]!;

describe("content pages", () => {
  it.each([
    ["/science", "Science Perspectives"],
    ["/technology", "Advanced Technology"],
    ["/lunar-volatiles", "Lunar Volatiles"],
    ["/terms-of-reference", "Terms of Reference"],
  ])("%s shows its page", async (path, title) => {
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<h1>${title}</h1>`);
  });

  it("lists the sections in the forum's order in the navigation", async () => {
    const html = await (await t.app.request("/science")).text();
    const nav = html.slice(html.indexOf('aria-label="Main"'));
    const order = [
      "Home",
      "About",
      "News",
      "Publications",
      "Members",
      "Advanced Technology",
      "Science Perspectives",
      "Lunar Volatiles",
      "FAQ",
    ];
    const positions = order.map((label) => nav.indexOf(`>${label}</a>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("lets another feature add content below the intro", async () => {
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set("deps", t.deps);
      c.set("actor", { kind: "visitor" });
      await next();
    });
    app.get("/x", (c) => renderContentPage(c, "technology", raw('<p id="extra">Gap heat map here</p>')));
    const html = await (await app.request("/x")).text();
    expect(html).toContain("Advanced Technology");
    expect(html).toContain('<p id="extra">Gap heat map here</p>');
  });
});

describe("editing a page", () => {
  it("previews on the server without saving", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const before = await page("science");
    const res = await b.post("/private/pages/science/edit", {
      title: "Science",
      summary: "",
      body: "## New heading\n\nSome **bold** words.",
      action: "preview",
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Preview (not saved yet)");
    expect(html).toContain("<h2>New heading</h2>");
    expect(await page("science")).toEqual(before);
    expect(await t.deps.db.select().from(contentPageRevisions)).toHaveLength(0);
  });

  it("saves, keeps revisions with who and when, and escapes scripts", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const b = await browser(t.deps, t.app, sec);
    const res = await b.post("/private/pages/science/edit", {
      title: "<script>alert(1)</script> Science",
      summary: "Short.",
      body: "New text <script>alert(2)</script>",
      action: "save",
    });
    expect(res.status).toBe(303);
    const html = await (await t.app.request("/science")).text();
    expect(html).not.toContain("<script>alert(");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Science");
    const revisions = await t.deps.db.select().from(contentPageRevisions);
    expect(revisions.map((r) => r.authorName).sort()).toEqual([sec.name, "dataset"].sort());
    expect(revisions.find((r) => r.authorId === sec.id)!.body).toContain("New text");
    expect(await (await b.get("/private/pages/science/edit")).text()).toContain("Earlier versions");
  });

  it("refuses an empty text and changes nothing", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const before = await page("technology");
    const res = await b.post("/private/pages/technology/edit", { title: "T", body: "", action: "save" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Enter the text of the page.");
    expect(await page("technology")).toEqual(before);
  });
});
