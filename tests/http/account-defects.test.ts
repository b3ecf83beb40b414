import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { missions } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { findAll, parseXml, textOf } from "../support/xml.js";

const t = useTestDatabase();

const newMission = {
  name: "Media Type Lander",
  destination: "lunar_surface",
  status: "concept",
  launch: "2031",
  launchPrecision: "year",
};

describe("the JSON API and a body it cannot read", () => {
  it("answers 415 for a body-carrying request that is not JSON, and stores nothing", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const b = await browser(t.deps, t.app, fp);
    const types = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""];
    for (const type of types) {
      const headers: Record<string, string> = { cookie: b.cookie };
      if (type) headers["content-type"] = type;
      const res = await t.app.request("/api/v1/missions", {
        method: "POST",
        headers,
        body: JSON.stringify(newMission),
      });
      expect(res.status, type).toBe(415);
      const body = await res.json();
      expect(body.error.code, type).toBe("unsupported_media_type");
      expect(body.error.message).toContain("application/json");
    }
    const patch = await t.app.request("/api/v1/missions/argonaut", {
      method: "PATCH",
      headers: { cookie: b.cookie, "content-type": "text/xml" },
      body: "<status>funded</status>",
    });
    expect(patch.status).toBe(415);
    expect(await t.deps.db.select().from(missions).where(eq(missions.slug, "media-type-lander"))).toEqual([]);
  });

  it("still answers 422 with field messages for JSON that is wrong", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const res = await (await browser(t.deps, t.app, fp)).json("POST", "/api/v1/missions", { name: "" });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toBeDefined();
  });
});

describe("the RSS feed", () => {
  it("escapes a summary, so markup in plain text never runs in a feed reader", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const b = await browser(t.deps, t.app, sec);
    const summary = `<img src=x onerror="alert(1)"> & <script>alert(2)</script>`;
    const res = await b.post("/private/news/new", {
      title: "Escaping test",
      date: "2031-05-04",
      place: "Paris",
      summary,
      body: "Body.",
      intent: "save",
    });
    expect(res.status).toBe(303);
    const id = /\/private\/news\/(\d+)\/edit/.exec(res.headers.get("location")!)![1];
    expect((await b.post(`/private/news/${id}/publish`)).status).toBe(303);
    const xml = await (await t.app.request("/feeds/news.rss")).text();
    expect(xml).not.toContain("<img");
    expect(xml).not.toContain("<script");
    const item = findAll(parseXml(xml), "item").find(
      (i) => textOf(findAll(i, "title")[0]) === "Escaping test",
    );
    // After XML decoding, what a reader treats as HTML is escaped text, never a live element.
    const description = textOf(findAll(item!, "description")[0]);
    expect(description).toContain("&lt;img");
    expect(description).toContain("&amp;");
    expect(description).not.toMatch(/<img|<script/);
  });
});

describe("public mission history", () => {
  it("names the agency that made a change, never the editor's personal name", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const b = await browser(t.deps, t.app, fp);
    const res = await b.json("PATCH", "/api/v1/missions/argonaut", { status: "funded" });
    expect(res.status).toBe(200);
    const html = await (await t.app.request("/roadmap/missions/argonaut")).text();
    expect(html).toContain("History of changes");
    expect(html).toMatch(/— ESA</);
    expect(html).not.toContain(fp.name);
    expect(html).not.toContain(fp.email);
  });
});
