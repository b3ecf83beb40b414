import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  groupDeliverables,
  groupOutlooks,
  meetingAttendance,
  meetings,
  newsArticles,
  organisations,
  publications,
  workingGroups,
} from "../../src/db/schema/index.js";
import { useTestDatabase } from "../support/database.js";

// Mid-2024: the year the annual report for 2023 looks ahead to.
const t = useTestDatabase({ now: () => new Date("2024-06-01T12:00:00Z") });

/** Acronyms of the agencies recorded as attending a meeting, A to Z. */
async function attending(slug: string): Promise<string[]> {
  const rows = await t.deps.db
    .select({ acronym: organisations.acronym })
    .from(meetingAttendance)
    .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .innerJoin(organisations, eq(organisations.id, meetingAttendance.organisationId))
    .where(eq(meetings.slug, slug));
  return rows.map((r) => r.acronym).sort();
}

const page = async (path: string) => {
  const res = await t.app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

/** The text a visitor reads: tags gone, entities and typographic apostrophes plain, spaces collapsed. */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;|&#x27;|\u2019/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("the facts the seeds state are the facts the site states", () => {
  it("2023 has the five web news items of the 2023 annual report (seed 002, Annex I)", async () => {
    const rows = await t.deps.db
      .select({ slug: newsArticles.slug, title: newsArticles.title, status: newsArticles.status })
      .from(newsArticles)
      .where(and(gte(newsArticles.newsDate, "2023-01-01"), lt(newsArticles.newsDate, "2024-01-01")))
      .orderBy(asc(newsArticles.newsDate));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.status === "published")).toBe(true);
    const titles = rows.map((r) => r.title).join("\n");
    for (const topic of [
      /Annual Report 2022/,
      /Montréal/,
      /Global Exploration Strategy/,
      /nuclear power and propulsion/i,
      /Songdo/,
    ])
      expect(titles).toMatch(topic);
    for (const r of rows) expect(visible(await page(`/news/${r.slug}`))).toContain(r.title);
  });

  it("the 2015 Darmstadt meeting was attended by the 14 agencies of seed 004 (NSAU is today's SSAU)", async () => {
    const seed004 = ["ASI", "CNES", "CNSA", "CSA", "CSIRO", "DLR", "ESA", "ISRO", "JAXA", "KARI", "NASA"];
    const expected = [...seed004, "Roscosmos", "SSAU", "UKSA"].sort();
    expect(await attending("2015-darmstadt")).toEqual(expected);
    const text = visible(await page("/meetings/2015-darmstadt"));
    expect(text).toContain("14 agencies attended");
    for (const a of expected) expect(text).toContain(a);
  });

  it("the 2021 virtual meeting was attended by the organisations seed 001 lists as its 24 agencies", async () => {
    // Seed 001 counts 24 agencies and lists ASA and CSIRO together as one, for Australia.
    const expected = [
      "AEB",
      "AEM",
      "ASA",
      "ASI",
      "CNES",
      "CNSA",
      "CSA",
      "CSIRO",
      "DLR",
      "ESA",
      "GISTDA",
      "ISRO",
      "JAXA",
      "KARI",
      "LSA",
      "NASA",
      "NOSA",
      "NZSA",
      "POLSA",
      "PT Space",
      "ROSA",
      "Roscosmos",
      "SSO",
      "UAE SA",
      "UKSA",
    ].sort();
    expect(await attending("2021-virtual")).toEqual(expected);
    const [m] = await t.deps.db.select().from(meetings).where(eq(meetings.slug, "2021-virtual"));
    expect(m!.reportedAttendance).toBe(24);
    const text = visible(await page("/meetings/2021-virtual"));
    expect(text).toContain("24 agencies attended (as reported); the list names 25 organisations");
    expect(text).not.toContain("25 agencies attended");
    expect(text).toContain("PT Space");
    expect(text).not.toMatch(/\bPTS\b/);
    for (const a of expected) expect(text).toContain(a);
  });

  it("each working group and team of seed 002 shows its purpose and its 2024 outlook", async () => {
    const groups = ["erwg", "iawg", "twg", "scwg", "swg", "cwg", "esawg", "btt"];
    for (const slug of groups) {
      const [g] = await t.deps.db.select().from(workingGroups).where(eq(workingGroups.slug, slug));
      expect(g!.charter.length, slug).toBeGreaterThan(100);
      const [outlook] = await t.deps.db
        .select()
        .from(groupOutlooks)
        .where(and(eq(groupOutlooks.groupId, g!.id), eq(groupOutlooks.year, 2024)));
      expect(outlook, `${slug} has a 2024 outlook`).toBeDefined();
      const html = await page(`/groups/${slug}`);
      expect(html).toContain('<h2 id="charter">Charter</h2>');
      expect(html).toContain('<h2 id="outlook">Outlook 2024</h2>');
      // The outlook's first words reach the page (Markdown emphasis aside).
      const opening = outlook!.body.replace(/\*/g, "").split(/\s+/).slice(0, 6).join(" ");
      expect(visible(html), slug).toContain(opening);
    }
  });

  it("the 2023 highlights are on the workplans of the groups the report credits them to", async () => {
    const twg = visible(await page("/groups/twg"));
    expect(twg).toMatch(/space nuclear power and propulsion \(report, 2023\) .*Done/);
    expect(twg).toMatch(/life support systems .*In progress/);
    expect(await page("/groups/twg")).toContain(
      'href="/publications/nuclear-power-propulsion-gap-assessment-2023"',
    );
    expect(visible(await page("/groups/iawg"))).toMatch(/IOAG and ICG/);
    expect(visible(await page("/groups/cwg"))).toMatch(/commercialisation enablers/);
    expect(visible(await page("/groups/btt"))).toMatch(/new benefits paper/);
  });

  it("every publication a workplan links to exists", async () => {
    const links = await t.deps.db.select({ link: groupDeliverables.linkUrl }).from(groupDeliverables);
    const internal = links.map((l) => l.link).filter((l): l is string => !!l?.startsWith("/publications/"));
    expect(internal.length).toBeGreaterThanOrEqual(5);
    for (const l of internal) await page(l);
  });

  it("a publication's link is an address its own sources give, and the known one is set", async () => {
    const rows = await t.deps.db.select().from(publications);
    const linked = rows.filter((p) => p.externalUrl);
    for (const p of linked) expect(p.sources, p.slug).toContain(p.externalUrl);
    const dust = rows.find((p) => p.slug === "dust-mitigation-gap-assessment")!;
    expect(dust.externalUrl).toMatch(/^https:\/\/www\.globalspaceexploration\.org\/wordpress\/docs\/Dust/);
    expect(await page("/publications/dust-mitigation-gap-assessment")).toContain(
      `href="${dust.externalUrl}"`,
    );
  });

  it("outlooks and workplan entries carry no curation notes", () => {
    const file = join(t.deps.config.datasetDir, "groups.json");
    const groups = JSON.parse(readFileSync(file, "utf8")) as Array<{
      outlooks: Array<{ body: string }>;
      workplan: Array<{ title: string }>;
    }>;
    const texts = groups.flatMap((g) => [
      ...g.outlooks.map((o) => o.body),
      ...g.workplan.map((w) => w.title),
    ]);
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) expect(text).not.toMatch(/seed|source|uncertain|not confirmed|our /i);
  });
});
