import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { candidatesOf, countMatches } from "../../src/features/search/search.counts.service.js";
import { COUNT_CAP, type Match } from "../../src/features/search/search.queries.js";
import type { SearchType } from "../../src/features/search/search.schemas.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

type Results = {
  data: Array<{ type: string; title: string; url: string; snippetHtml: string }>;
  total: number;
  capped: boolean;
  pages: number;
  counts: {
    byType: Record<string, number>;
    byTypeCapped: Record<string, boolean>;
    byYear: Array<{ year: number; n: number; capped: boolean }>;
  };
};

async function api(query: string): Promise<Results> {
  const res = await t.app.request(`/api/v1/search?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Results;
}

/**
 * 1,100 live articles that mention "zeppelin" in their body (700 dated 2020, 400 in 2021), three
 * older ones with it in the title, and 50 drafts with it in the title that nobody may find.
 */
async function manyMatches() {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  await t.deps.db.execute(sql`insert into news_articles (slug, title, news_date, summary, body, status, publish_at)
    select 'zep-' || i, 'Airship report ' || i,
      case when i <= 700 then date '2020-06-01' else date '2021-06-01' end,
      'A summary.', 'The zeppelin flew over the field on day ' || i || '.', 'published', ${yesterday}::timestamptz
    from generate_series(1, 1100) i`);
  await t.deps.db.execute(sql`insert into news_articles (slug, title, news_date, summary, body, status, publish_at)
    select 'zep-title-' || i, 'Zeppelin history part ' || i, date '2019-01-01', 'A summary.', 'Old airships.',
      'published', ${yesterday}::timestamptz
    from generate_series(1, 3) i`);
  await t.deps.db.execute(sql`insert into news_articles (slug, title, news_date, summary, body, status)
    select 'zep-draft-' || i, 'Zeppelin secret ' || i, date '2022-01-01', 'A summary.', 'Hidden zeppelin.', 'draft'
    from generate_series(1, 50) i`);
}

describe("counting stops at the cap", () => {
  it("reports 1,000+ with a capped flag instead of counting every match", async () => {
    await manyMatches();
    const r = await api("q=zeppelin");
    expect(COUNT_CAP).toBe(1000);
    expect(r.total).toBe(1000);
    expect(r.capped).toBe(true);
    expect(r.counts.byType).toMatchObject({ all: 1000, news: 1000, publication: 0, faq: 0, page: 0 });
    expect(r.counts.byTypeCapped).toMatchObject({ all: true, news: true, publication: false });
    expect(r.pages).toBe(100);
    expect(r.counts.byYear.every((y) => y.capped)).toBe(true);
  });

  it("still ranks title matches first and never shows drafts, with highlighted snippets", async () => {
    await manyMatches();
    const r = await api("q=zeppelin");
    expect(r.data).toHaveLength(10);
    expect(r.data.slice(0, 3).map((h) => h.title)).toEqual([
      "Zeppelin history part 1",
      "Zeppelin history part 2",
      "Zeppelin history part 3",
    ]);
    expect(r.data.some((h) => h.title.startsWith("Zeppelin secret"))).toBe(false);
    expect(r.data[3]!.snippetHtml).toContain("<mark>zeppelin</mark>");
    const second = await api("q=zeppelin&page=2");
    expect(second.data).toHaveLength(10);
    const firstUrls = new Set(r.data.map((h) => h.url));
    expect(second.data.some((h) => firstUrls.has(h.url))).toBe(false);
  });

  it("counts a year's matches themselves when the unfiltered count was capped", async () => {
    await manyMatches();
    const y2021 = await api("q=zeppelin&year=2021");
    expect(y2021.total).toBe(400);
    expect(y2021.capped).toBe(false);
    expect(y2021.data.every((h) => h.type === "news")).toBe(true);
    const faq = await api("q=zeppelin&type=faq");
    expect(faq).toMatchObject({ total: 0, capped: false, data: [] });
  });

  it("the page says 1,000+ results and marks capped filter counts with +", async () => {
    await manyMatches();
    const html = await (await t.app.request("/search?q=zeppelin")).text();
    expect(html).toContain("1,000+ results for “zeppelin”");
    expect(html).toContain('href="/search?q=zeppelin&amp;type=news">News (1,000+)</a>');
    expect(html).toContain("Counting stops at 1,000 results of a type");
  });
});

describe("phrases", () => {
  it("finds the words in that order only, and leaves a negated phrase out", async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await t.deps.db.execute(sql`insert into news_articles (slug, title, news_date, summary, body, status, publish_at)
      values ('phrase-a', 'First', '2024-01-01', 'A summary.', 'A quick zebra crossed.', 'published', ${yesterday}::timestamptz),
        ('phrase-b', 'Second', '2024-01-02', 'A summary.', 'The zebra was quick.', 'published', ${yesterday}::timestamptz)`);
    const phrase = await api(`q=${encodeURIComponent('"quick zebra"')}`);
    expect(phrase.data.map((h) => h.url.split("/").pop())).toEqual(["phrase-a"]);
    expect(phrase).toMatchObject({ total: 1, capped: false });
    expect(phrase.data[0]!.snippetHtml).toContain("<mark>quick</mark> <mark>zebra</mark>");
    const without = await api(`q=${encodeURIComponent('zebra -"quick zebra"')}`);
    expect(without.data.map((h) => h.url.split("/").pop())).toEqual(["phrase-b"]);
  });
});

let nextId = 0;
/** A sample of `n` matches of one type and year, as searchMatches returns them. */
const matchesOf = (type: SearchType, year: number | null, n: number): Match[] =>
  Array.from({ length: n }, () => ({ type, id: ++nextId, year, date: year ? `${year}-01-01` : null }));

describe("counting a sample of matches", () => {
  it("keeps counts exact below the cap", () => {
    const c = countMatches({
      matches: [...matchesOf("news", 2020, 3), ...matchesOf("faq", null, 2)],
      capped: [],
    });
    expect(c).toMatchObject({ total: 5, capped: false, anyYear: 5, anyYearCapped: false });
    expect(c.byYear).toEqual([{ year: 2020, n: 3, capped: false }]);
  });

  it("caps each type at COUNT_CAP and marks what is a lower bound", () => {
    const matches = [
      ...matchesOf("news", 2020, 600),
      ...matchesOf("news", 2021, 401),
      ...matchesOf("publication", 2021, 5),
    ];
    const c = countMatches({ matches, capped: [] }, "publication");
    expect(c).toMatchObject({ total: 5, capped: false, anyYear: 5, anyYearCapped: false });
    expect(c.byType).toMatchObject({ all: 1005, news: 1000, publication: 5 });
    expect(c.byTypeCapped).toMatchObject({ all: true, news: true, publication: false });
    const all = countMatches({ matches: matchesOf("news", 2020, 1001), capped: [] });
    expect(all).toMatchObject({ total: 1000, capped: true, anyYear: 1000, anyYearCapped: true });
    expect(all.byYear).toEqual([{ year: 2020, n: 1000, capped: true }]);
    // A phrase checked on the first rows with all its words: few matches, yet a lower bound.
    const phrase = countMatches({ matches: matchesOf("news", 2020, 3), capped: ["news"] });
    expect(phrase).toMatchObject({ total: 3, capped: true });
  });

  it("picks the newest matches of each type as ranking candidates, undated last", () => {
    const old = matchesOf("news", 2001, 1);
    const recent = matchesOf("news", 2024, 2);
    const faq = matchesOf("faq", null, 2);
    const picked = candidatesOf([...old, ...faq, ...recent], 2);
    expect(picked.news).toEqual(recent.map((m) => m.id));
    expect(picked.faq).toEqual(faq.map((m) => m.id));
  });
});
