import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  annualReports,
  groupChairs,
  newsArticles,
  publications,
  workingGroups,
} from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

async function asSecretariat() {
  return browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
}

async function start2024() {
  const sec = await asSecretariat();
  const res = await sec.post("/private/reports", { year: "2024" });
  expect(res.status).toBe(303);
  return sec;
}

async function chairOf(slug: string) {
  const person = await makePerson(t.deps, ["member", "chair"], "NASA");
  const [g] = await t.deps.db.select().from(workingGroups).where(eq(workingGroups.slug, slug));
  await t.deps.db.insert(groupChairs).values({ groupId: g!.id, personId: person.id });
  return browser(t.deps, t.app, person);
}

describe("the published 2023 report", () => {
  it("is public in the seed's structure, with figures linked to their records", async () => {
    const res = await t.app.request("/reports/2023");
    expect(res.status).toBe(200);
    const html = await res.text();
    const order = [
      "<h1>Annual Report 2023</h1>",
      "Contents",
      "1 Executive summary",
      "2 Highlights and achievements in 2023",
      "3 Outlook for 2024",
      "Major international events in 2023",
      "Annex I – Publications",
      "Annex II – Members (as of 31 March 2023)",
      "Annex III – Working groups",
      "Annex IV – ISECG at a glance",
    ];
    const main = html.slice(html.indexOf("<h1>Annual Report 2023</h1>"));
    const body = main.slice(main.indexOf('id="executive-summary"') - 10);
    let at = 0;
    for (const h of order.slice(2)) {
      const i = body.indexOf(h, at);
      expect(i, h).toBeGreaterThanOrEqual(at);
      at = i;
    }
    expect(html).toContain('href="/members/kari"');
    expect(html).toMatch(/<a href="\/meetings\/2023-songdo">20 agencies attended/);
    expect(html).not.toContain("Participation in 2023");
  });

  it("comes as Markdown and as a PDF", async () => {
    const md = await t.app.request("/reports/2023.md");
    expect(md.headers.get("content-type")).toContain("text/markdown");
    expect(await md.text()).toContain("## Annex II – Members (as of 31 March 2023)");
    const pdf = await t.app.request("/reports/2023.pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("is linked to the library's record of the 2023 report", async () => {
    const [lib] = await t.deps.db
      .select()
      .from(publications)
      .where(eq(publications.slug, "annual-report-2023"));
    const [row] = await t.deps.db.select().from(annualReports).where(eq(annualReports.year, 2023));
    expect(row?.publicationId).toBe(lib!.id);
    const html = await (await t.app.request("/publications?category=annual_report")).text();
    expect(html).toContain("ISECG Annual Report 2023");
  });

  it("is answered by the API", async () => {
    const res = await t.app.request("/api/v1/reports/2023");
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { status: string; data: { members: { total: number } } } };
    expect(data.status).toBe("published");
    expect(data.data.members.total).toBe(27);
  });

  it("is listed at /reports, where drafts are not", async () => {
    await start2024();
    const html = await (await t.app.request("/reports")).text();
    expect(html).toContain('href="/reports/2023"');
    expect(html).not.toContain('href="/reports/2024"');
  });

  it("is in the sitemap", async () => {
    expect(await (await t.app.request("/sitemap.xml")).text()).toContain("/reports/2023</loc>");
  });

  it("gives a visitor asking for the draft of a published year the edition itself", async () => {
    const res = await t.app.request("/reports/2023.md?draft=1");
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain("Draft – not published");
  });

  it("does not exist for other years or addresses", async () => {
    expect((await t.app.request("/reports/2031")).status).toBe(404);
    expect((await t.app.request("/reports/twenty")).status).toBe(404);
    expect((await t.app.request("/reports/2023.docx")).status).toBe(404);
    expect((await t.app.request("/api/v1/reports/1800")).status).toBe(404);
  });

  it("shows participation statistics to members, and to visitors once the secretariat says so", async () => {
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    expect(await (await member.get("/reports/2023")).text()).toContain("Participation in 2023");
    const sec = await asSecretariat();
    const res = await sec.post("/private/reports/2023/settings", {
      membersAsOf: "2023-03-31",
      majorDocuments: "ger-supplement-2022",
      omitPublications: "high-level-analysis-report-2023",
      statisticsPublic: "on",
    });
    expect(res.status).toBe(303);
    expect(await (await t.app.request("/reports/2023")).text()).toContain("Participation in 2023");
  });
});

describe("drafting a report", () => {
  it("keeps a draft private: 404 for visitors and members, shown to the secretariat", async () => {
    const sec = await start2024();
    expect((await t.app.request("/reports/2024")).status).toBe(404);
    expect((await t.app.request("/reports/2024.pdf")).status).toBe(404);
    expect((await t.app.request("/api/v1/reports/2024")).status).toBe(404);
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    expect((await member.get("/reports/2024")).status).toBe(404);
    const draft = await sec.get("/reports/2024");
    expect(draft.status).toBe(200);
    expect(draft.headers.get("cache-control")).toContain("no-store");
    expect(await draft.text()).toContain("Draft – not published");
  });

  it("answers the draft through the API to the secretariat, and describes the route in OpenAPI", async () => {
    const sec = await start2024();
    const res = await sec.get("/api/v1/reports/2024");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { status: string } }).data.status).toBe("draft");
    const list = (await (await t.app.request("/api/v1/reports")).json()) as { data: Array<{ year: number }> };
    expect(list.data.map((r) => r.year)).toEqual([2023]);
    const spec = await (await t.app.request("/api/openapi.json")).json();
    const paths = Object.keys(spec.paths).map((k) => k.replace(/^\/api\/v1/, ""));
    expect(paths).toContain("/reports/{year}");
  });

  it("says clearly what is wrong with a bad year or a year already started", async () => {
    const sec = await asSecretariat();
    const bad = await sec.post("/private/reports", { year: "soon" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Enter a year such as 2024.");
    const twice = await sec.post("/private/reports", { year: "2023" });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain("There is already a report for this year.");
    const date = await sec.post("/private/reports/2023/settings", { membersAsOf: "March 2023" });
    expect(date.status).toBe(422);
    expect(await date.text()).toContain("Enter a date as YYYY-MM-DD.");
  });

  it("previews a part without saving it, then saves it as a revision", async () => {
    const sec = await start2024();
    const path = "/private/reports/2024/parts/executive-summary/edit";
    const preview = await sec.post(path, { body: "A **busy** year.", action: "preview" });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("<strong>busy</strong>");
    expect(await (await sec.get("/reports/2024.md")).text()).not.toContain("A **busy** year.");
    expect((await sec.post(path, { body: "A **busy** year.", action: "save" })).status).toBe(303);
    expect(await (await sec.get("/reports/2024.md")).text()).toContain("A **busy** year.");
    expect(await (await sec.get(path)).text()).toContain("(current)");
  });

  it("shows the year's records beside the part being written", async () => {
    const sec = await asSecretariat();
    const html = await (await sec.get("/private/reports/2023/parts/highlights/edit")).text();
    expect(html).toContain("The year&#39;s records");
    expect(html).toContain('href="/meetings/2023-songdo"');
  });

  it("says None. under a kind of record the year has none of, instead of an empty heading", async () => {
    await start2024();
    const sec = await asSecretariat();
    const html = await (await sec.get("/private/reports/2024/parts/highlights/edit")).text();
    expect(html).toMatch(/<h3>Assessments published<\/h3><p class="muted">None\.<\/p>/);
  });

  it("lets a chair edit only the outlook of a group they chair", async () => {
    await start2024();
    const chair = await chairOf("twg");
    const own = await chair.post("/private/reports/2024/parts/outlook:twg/edit", {
      body: "Next: life support.",
    });
    expect(own.status).toBe(303);
    expect((await chair.post("/private/reports/2024/parts/outlook:erwg/edit", { body: "No." })).status).toBe(
      403,
    );
    expect(
      (await chair.post("/private/reports/2024/parts/executive-summary/edit", { body: "No." })).status,
    ).toBe(403);
    expect((await chair.post("/private/reports/2024/publish")).status).toBe(403);
  });

  it("does not let members or focal points edit any part", async () => {
    await start2024();
    const fp = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect((await fp.get("/private/reports/2024/parts/highlights/edit")).status).toBe(403);
    expect((await fp.post("/private/reports/2024/parts/highlights/edit", { body: "x" })).status).toBe(403);
    expect((await t.app.request("/private/reports/2024")).status).toBe(303);
  });
});

describe("publishing a report", () => {
  it("freezes it: later records do not change the edition, and its PDF is in the library", async () => {
    const sec = await start2024();
    await sec.post("/private/reports/2024/parts/executive-summary/edit", { body: "The roadmap year." });
    const published = await sec.post("/private/reports/2024/publish");
    expect(published.status).toBe(303);
    const [lib] = await t.deps.db
      .select()
      .from(publications)
      .where(eq(publications.slug, "annual-report-2024"));
    expect(lib?.category).toBe("annual_report");
    expect(lib?.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.app.request("/publications/annual-report-2024/file")).headers.get("content-type")).toBe(
      "application/pdf",
    );
    // The published edition's PDF is the library's file, served as stored.
    expect((await t.app.request("/reports/2024.pdf")).headers.get("etag")).toBe(`"${lib!.fileSha256}"`);
    const before = await (await t.app.request("/reports/2024.md")).text();
    expect(before).toContain("The roadmap year.");
    await t.deps.db.insert(newsArticles).values({
      slug: "late-news-2024",
      title: "A late article about 2024",
      newsDate: "2024-11-02",
      summary: "Late.",
      body: "Late.",
      status: "published",
      publishAt: new Date("2024-11-02T00:00:00Z"),
    });
    t.deps.cache.invalidate();
    const after = await (await t.app.request("/reports/2024.md")).text();
    expect(after).toBe(before);
    expect(await (await sec.get("/reports/2024.md?draft=1")).text()).toContain("A late article about 2024");
    const [row] = await t.deps.db.select().from(annualReports).where(eq(annualReports.year, 2024));
    expect(row?.status).toBe("published");
  });

  it("compares a draft with the previous year's frozen edition", async () => {
    const sec = await start2024();
    const res = await sec.get("/private/reports/2024/compare");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("The 2024 report compared with 2023");
    expect(html).toContain("the published edition, as frozen");
    expect(html).toContain("Senior Agency Managers meeting 2023");
    expect(html).toContain("on 31 March 2023");
  });
});
