import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  contentPages,
  faqQuestions,
  faqSections,
  gapAssessments,
  meetings,
  missions,
  newsArticles,
  organisations,
  publications,
  technologies,
  workingGroups,
} from "../../src/db/schema/index.js";
import type { Person } from "../../src/http/actor.js";
import { CSRF_COOKIE, csrfTokenFor } from "../../src/http/csrf.js";
import { createSession, SESSION_COOKIE } from "../../src/http/sessions.js";
import { makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makePdf } from "../support/pdf.js";

const t = useTestDatabase();

const hour = 3600_000;
let n = 0;

/** Inserts a news article; live (published an hour ago) unless told otherwise. */
async function addArticle(
  fields: Partial<typeof newsArticles.$inferInsert> & { title: string; body?: string },
) {
  n += 1;
  const [row] = await t.deps.db
    .insert(newsArticles)
    .values({
      slug: `search-test-${n}`,
      newsDate: "2024-05-06",
      summary: "A short summary.",
      body: "Plain words.",
      status: "published",
      publishAt: new Date(Date.now() - hour),
      ...fields,
    })
    .returning();
  return row!;
}

async function createQuestion(question: string, answer: string) {
  const [section] = await t.deps.db.select().from(faqSections).limit(1);
  n += 1;
  const [row] = await t.deps.db
    .insert(faqQuestions)
    .values({ sectionId: section!.id, slug: `search-question-${n}`, question, answer, position: 99 })
    .returning();
  return row!;
}

async function createPublication(title: string, description: string, postedOn: string) {
  n += 1;
  const [row] = await t.deps.db
    .insert(publications)
    .values({ slug: `search-pub-${n}`, title, category: "paper", postedOn, description })
    .returning();
  return row!;
}

type Hit = {
  type: string;
  title: string;
  url: string;
  snippetHtml: string;
  titleHtml: string;
  year: number | null;
};
type Results = {
  data: Hit[];
  total: number;
  page: number;
  pages: number;
  capped: boolean;
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

async function page(query: string, status = 200) {
  const res = await t.app.request(`/search?${query}`);
  const html = await res.text();
  expect(res.status, html.slice(0, 500)).toBe(status);
  return html;
}

/** Posts the publication form with a PDF, as the publications tests do. */
async function uploadPdf(person: Person, fields: Record<string, string>, bytes: Buffer) {
  const nonce = "upload-nonce";
  const token = await createSession(t.deps.db, person.id, t.deps.now(), {});
  const form = new FormData();
  form.append("_csrf", csrfTokenFor(t.deps.config.sessionSecret, nonce));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new File([new Uint8Array(bytes)], "report.pdf", { type: "application/pdf" }));
  return t.app.request("/private/publications/new", {
    method: "POST",
    headers: { cookie: `${CSRF_COOKIE}=${nonce}; ${SESSION_COOKIE}=${token}` },
    body: form,
  });
}

describe("finding content", () => {
  it("finds a live news article by a word in its body, with the word highlighted", async () => {
    const a = await addArticle({
      title: "Meeting in Songdo",
      body: "The delegates discussed zorbulax habitats.",
    });
    const html = await page("q=zorbulax");
    expect(html).toContain(`href="/news/${a.slug}"`);
    expect(html).toContain("<mark>zorbulax</mark>");
    expect(html).toContain("1 result for “zorbulax”");
  });

  it("finds a publication by a word that is only in its uploaded PDF", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const pdf = await makePdf(["Chapter one about landing pads", "Sintered quillipede regolith bricks"]);
    const res = await uploadPdf(
      sec,
      { title: "Surface Construction Study", category: "paper", postedOn: "2023-02-01" },
      pdf,
    );
    expect(res.status, await res.clone().text()).toBe(303);
    const [row] = await t.deps.db
      .select()
      .from(publications)
      .where(eq(publications.title, "Surface Construction Study"));
    expect(row!.description ?? "").not.toContain("quillipede");

    const r = await api("q=quillipede");
    expect(r.total).toBe(1);
    expect(r.data[0]!.type).toBe("publication");
    expect(r.data[0]!.url).toMatch(new RegExp(`/publications/${row!.slug}$`));
    expect(r.data[0]!.snippetHtml).toContain("<mark>quillipede</mark>");
    expect(await page("q=quillipede")).toContain(`href="/publications/${row!.slug}"`);
  });

  it("finds a FAQ answer and links to its anchor on the FAQ page", async () => {
    const q = await createQuestion(
      "How are observers invited?",
      "Observers attend after a flumbergast vote.",
    );
    const html = await page("q=flumbergast");
    expect(html).toContain(`href="/faq#${q.slug}"`);
    expect(html).toContain("<mark>flumbergast</mark>");
  });

  it("finds a content page at its public address", async () => {
    await t.deps.db
      .update(contentPages)
      .set({ body: "Science goals include snorkelwort sampling on the Moon." })
      .where(eq(contentPages.slug, "science"));
    const r = await api("q=snorkelwort");
    expect(r.data.map((h) => [h.type, h.url.replace(/^https?:\/\/[^/]+/, "")])).toEqual([
      ["page", "/science"],
    ]);
  });

  it("finds the seeded content (the roadmap publications and FAQ)", async () => {
    const r = await api("q=roadmap");
    expect(r.total).toBeGreaterThan(1);
    expect(r.counts.byType.publication).toBeGreaterThan(0);
    expect(r.counts.byType.faq).toBeGreaterThan(0);
  });
});

/** The path of a hit's absolute address. */
const path = (h: Hit) => h.url.replace(/^https?:\/\/[^/]+/, "");
const paths = (r: Results) => r.data.map(path);

/** Adds a meeting with the given title and place; public unless told otherwise. */
async function addMeeting(title: string, place: string, isPublic = true) {
  n += 1;
  const [row] = await t.deps.db
    .insert(meetings)
    .values({
      slug: `search-meeting-${n}`,
      kind: "workshop",
      title,
      place,
      startsAt: new Date("2030-03-10T09:00:00Z"),
      endsAt: new Date("2030-03-11T17:00:00Z"),
      timeZone: "Europe/Paris",
      mode: "in_person",
      public: isPublic,
    })
    .returning();
  return row!;
}

describe("everything public", () => {
  it("finds the Artemis missions, linked to their roadmap pages", async () => {
    const r = await api("q=Artemis&type=mission");
    const names = r.data.map((h) => h.title);
    for (const name of ["Artemis I", "Artemis II", "Artemis III"]) expect(names).toContain(name);
    expect(r.data.every((h) => h.type === "mission")).toBe(true);
    expect(paths(r)).toContain("/roadmap/missions/artemis-1");
    const html = await page("q=Artemis");
    expect(html).toContain('href="/roadmap/missions/artemis-1"');
    expect(html).toMatch(/href="\/search\?q=Artemis&amp;type=mission">Missions \(\d+\)<\/a>/);
  });

  it("finds a member by its country, its name, its acronym and its alias", async () => {
    const lux = await api("q=Luxembourg&type=member");
    expect(paths(lux)).toContain("/members/lsa");
    expect(lux.data.find((h) => path(h) === "/members/lsa")!.title).toBe("Luxembourg Space Agency (LSA)");
    expect(paths(await api("q=Luxembourg"))).toContain("/members/lsa");
    for (const q of ["PT%20Space", "PTS", "Portugal"]) {
      const r = await api(`q=${q}`);
      expect(paths(r), q).toContain("/members/pt-space");
    }
    const alias = await api("q=PTS&type=member");
    expect(alias.data[0]!.snippetHtml).toContain("<mark>PTS</mark>");
  });

  it("finds a working group by its name and its acronym", async () => {
    const r = await api("q=science%20working%20group");
    expect(paths(r)).toContain("/groups/swg");
    const hit = r.data.find((h) => path(h) === "/groups/swg")!;
    expect(hit.type).toBe("group");
    expect(hit.title).toBe("Science Working Group (SWG)");
    expect(paths(await api("q=SWG"))).toContain("/groups/swg");
  });

  it("finds a public meeting by its place, dated by its first day", async () => {
    const seeded = await api("q=Yokohama&type=meeting");
    expect(paths(seeded)).toContain("/meetings/2009-yokohama");
    const m = await addMeeting("Spring workshop", "Quixotelburg town hall");
    const r = await api("q=Quixotelburg");
    expect(paths(r)).toEqual([`/meetings/${m.slug}`]);
    expect(r.data[0]!).toMatchObject({ type: "meeting", year: 2030 });
    expect(r.data[0]!.snippetHtml).toContain("<mark>Quixotelburg</mark>");
    expect((await api("q=Quixotelburg&year=2030")).total).toBe(1);
    expect((await api("q=Quixotelburg&year=2029")).total).toBe(0);
  });

  it("never finds a members-only meeting", async () => {
    const hidden = await addMeeting("Closed brabblewick session", "Brabblewick", false);
    const r = await api("q=brabblewick");
    expect(r.total).toBe(0);
    expect(r.counts.byType.meeting).toBe(0);
    const html = await page("q=brabblewick");
    expect(html).not.toContain(hidden.slug);
    expect(html).toContain("Nothing matched your search.");
    expect((await api("q=brabblewick&type=meeting")).total).toBe(0);
  });

  it("finds technologies (as anchors on /technology) and gap assessments", async () => {
    const [tech] = await t.deps.db
      .select({ code: technologies.code, title: technologies.title })
      .from(technologies)
      .limit(1);
    const word = tech!.title.split(/\s+/).find((w) => w.length > 5) ?? tech!.title;
    const r = await api(`q=${encodeURIComponent(word)}&type=technology`);
    expect(paths(r)).toContain(`/technology#${tech!.code}`);
    expect(await (await t.app.request("/technology")).text()).toContain(`<li id="${tech!.code}">`);

    const [a] = await t.deps.db
      .update(gapAssessments)
      .set({ scope: "Keeping frobnicated dust away from seals." })
      .where(eq(gapAssessments.slug, "autonomous-systems"))
      .returning();
    const found = await api("q=frobnicated");
    expect(paths(found)).toEqual([`/technology/assessments/${a!.slug}`]);
    expect(found.data[0]!.type).toBe("assessment");
  });

  it("never finds nor shows sources or curation notes", async () => {
    const note = "snorfblat file:seeds/001_x.txt not independently verified";
    await t.deps.db
      .update(missions)
      .set({ sources: [note], uncertain: true, uncertaintyNote: note })
      .where(eq(missions.slug, "artemis-1"));
    await t.deps.db
      .update(organisations)
      .set({ sources: [note], notes: note, joinNote: note })
      .where(eq(organisations.slug, "lsa"));
    await t.deps.db
      .update(workingGroups)
      .set({ sources: [note], uncertainNote: note })
      .where(eq(workingGroups.slug, "swg"));
    await t.deps.db
      .update(meetings)
      .set({ sources: [note], uncertainNote: note })
      .where(eq(meetings.slug, "2009-yokohama"));
    await t.deps.db.update(technologies).set({ sources: [note], uncertainNote: note });
    await t.deps.db.update(gapAssessments).set({ sources: [note], uncertainNote: note });
    expect((await api("q=snorfblat")).total).toBe(0);
    expect((await api("q=seeds")).counts.byType).toMatchObject({
      mission: 0,
      member: 0,
      meeting: 0,
      group: 0,
      technology: 0,
      assessment: 0,
    });
    for (const q of ["Artemis", "Luxembourg", "science%20working%20group", "Yokohama", "PTS"]) {
      const r = await api(q === "PTS" ? "q=PTS" : `q=${q}`);
      for (const h of r.data) {
        expect(h.snippetHtml, q).not.toMatch(/snorfblat|seeds\/|independently verified|Sources/);
        expect(h.title, q).not.toContain("snorfblat");
      }
    }
    const html = await page("q=Artemis");
    expect(html).not.toContain("snorfblat");
  });
});

describe("ranking", () => {
  it("puts a title match above matches only in bodies, however often they occur", async () => {
    const body = await addArticle({
      title: "Budget update",
      summary: "Grommet grommet.",
      body: "The grommet supply, the grommet tests and more grommet news. Grommet!",
      newsDate: "2025-01-01",
    });
    const title = await addArticle({
      title: "Grommet delivery",
      body: "Nothing else here.",
      newsDate: "2020-01-01",
    });
    const r = await api("q=grommet");
    expect(r.data.map((h) => h.url.split("/").pop())).toEqual([title.slug, body.slug]);
    expect(r.data[0]!.titleHtml).toBe("<mark>Grommet</mark> delivery");
  });

  it("fills a page of title matches first, and the next page with the matches only in bodies", async () => {
    for (let i = 0; i < 10; i++)
      await addArticle({ title: `Sprocket notes ${i}`, body: "Short.", newsDate: `2020-02-${10 + i}` });
    for (let i = 0; i < 3; i++)
      await addArticle({
        title: `Budget ${i}`,
        body: "The sprocket, the sprocket.",
        newsDate: `2025-03-${10 + i}`,
      });
    const first = await api("q=sprocket");
    expect(first.total).toBe(13);
    expect(first.data.every((h) => h.title.startsWith("Sprocket notes"))).toBe(true);
    const second = await api("q=sprocket&page=2");
    expect(second.data.map((h) => h.title).sort()).toEqual(["Budget 0", "Budget 1", "Budget 2"]);
  });
});

describe("what a visitor may see", () => {
  it("never finds drafts, scheduled articles or articles whose time has not come", async () => {
    await addArticle({ title: "Draft", body: "secret xylospore plan", status: "draft", publishAt: null });
    await addArticle({
      title: "Later",
      body: "xylospore launch",
      status: "scheduled",
      publishAt: new Date(Date.now() + 24 * hour),
    });
    await addArticle({ title: "Pulled", body: "xylospore recall", status: "unpublished" });
    await addArticle({
      title: "Early",
      body: "xylospore early",
      status: "published",
      publishAt: new Date(Date.now() + hour),
    });
    expect((await api("q=xylospore")).total).toBe(0);
    const html = await page("q=xylospore");
    expect(html).toContain("No results for “xylospore”");
    expect(html).toContain("Nothing matched your search.");
    expect(html).not.toContain("/news/search-test-");
  });

  it("never lets markup from the content through in titles or snippets", async () => {
    await addArticle({
      title: `<script>alert("t")</script> Vortigaunt <b>bold</b>`,
      body: `Before <script>alert("x")</script> the vortigaunt <img src=x onerror=alert(1)> & "quotes"`,
    });
    const r = await api("q=vortigaunt");
    expect(r.total).toBe(1);
    for (const html of [r.data[0]!.titleHtml, r.data[0]!.snippetHtml]) {
      expect(html).not.toMatch(/<(?!\/?mark>)/);
      expect(html).toContain("<mark>");
    }
    const html = await page("q=vortigaunt");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>bold");
  });
});

describe("filters and pages", () => {
  it("filters by type and by year, with counts per type and per year", async () => {
    await addArticle({ title: "Trebuchet trials", newsDate: "2019-03-01" });
    await addArticle({ title: "Trebuchet again", newsDate: "2021-03-01" });
    await createPublication("Trebuchet handbook", "Throwing things far.", "2021-07-01");
    await createQuestion("What is a trebuchet?", "A siege engine.");

    const all = await api("q=trebuchet");
    expect(all.total).toBe(4);
    expect(all.counts.byType).toEqual({
      all: 4,
      news: 2,
      publication: 1,
      mission: 0,
      member: 0,
      meeting: 0,
      group: 0,
      technology: 0,
      assessment: 0,
      faq: 1,
      page: 0,
    });
    expect(all.capped).toBe(false);
    expect(all.counts.byYear).toEqual([
      { year: 2021, n: 2, capped: false },
      { year: 2019, n: 1, capped: false },
    ]);

    const news = await api("q=trebuchet&type=news");
    expect(news.data.map((h) => h.type)).toEqual(["news", "news"]);
    expect(news.counts.byYear).toEqual([
      { year: 2021, n: 1, capped: false },
      { year: 2019, n: 1, capped: false },
    ]);

    const y2021 = await api("q=trebuchet&year=2021");
    expect(y2021.data.map((h) => h.type).sort()).toEqual(["news", "publication"]);
    expect(y2021.counts.byType).toMatchObject({ all: 2, news: 1, publication: 1, faq: 0, page: 0 });

    const both = await api("q=trebuchet&type=publication&year=2021");
    expect(both.data.map((h) => h.title)).toEqual(["Trebuchet handbook"]);

    const html = await page("q=trebuchet&type=news");
    expect(html).toContain('href="/search?q=trebuchet&amp;type=news" aria-current="true">News (2)</a>');
    expect(html).toContain('href="/search?q=trebuchet&amp;type=publication">Publications (1)</a>');
    expect(html).toContain('href="/search?q=trebuchet&amp;type=news&amp;year=2019">2019 (1)</a>');
    expect(html).toContain("2 results for “trebuchet” in News");
  });

  it("shows ten results per page with links to the next and previous pages", async () => {
    for (let i = 0; i < 12; i++)
      await addArticle({ title: `Gizmotron report ${i}`, newsDate: `2024-01-${String(i + 10)}` });
    const first = await api("q=gizmotron");
    expect([first.total, first.pages, first.data.length]).toEqual([12, 2, 10]);
    const second = await api("q=gizmotron&page=2");
    expect(second.data.length).toBe(2);
    const seen = new Set([...first.data, ...second.data].map((h) => h.url));
    expect(seen.size).toBe(12);

    const html = await page("q=gizmotron");
    expect(html).toContain('href="/search?q=gizmotron&amp;page=2" rel="next"');
    expect(html).toContain("Page 1 of 2");
    const html2 = await page("q=gizmotron&page=2");
    expect(html2).toContain('rel="prev"');
    expect(html2).toContain('<ol class="search-results" start="11">');
    expect(await page("q=gizmotron&page=9")).toContain("There are only 2 pages of results.");
  });
});

describe("bad and empty queries", () => {
  it("asks for words when the query is empty and explains a too-long query", async () => {
    const empty = await page("q=%20%20");
    expect(empty).toContain("What are you looking for?");
    const long = await page(`q=${"a".repeat(201)}`, 422);
    expect(long).toContain("Use at most 200");
    expect(long).toContain('aria-invalid="true"');
  });

  it("answers 422 with a message per field in the API", async () => {
    for (const query of ["q=", `q=${"b".repeat(201)}`, "q=x&type=video", "q=x&year=20x4", "q=x&page=0"]) {
      const res = await t.app.request(`/api/v1/search?${query}`);
      expect(res.status, query).toBe(422);
      const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code).toBe("validation_failed");
      expect(Object.keys(body.error.fields).length).toBe(1);
    }
  });

  it("treats a query of only common words as finding nothing, without an error", async () => {
    expect(await page("q=the")).toContain("Nothing matched your search.");
  });

  it("describes the endpoint in the OpenAPI document", async () => {
    const doc = (await (await t.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(doc.paths["/search"]).toBeDefined();
  });
});

describe("the site header", () => {
  it("has a labelled search field that submits to /search", async () => {
    const html = await (await t.app.request("/news")).text();
    expect(html).toMatch(
      /<search class="site-search" aria-label="Site"><form method="get" action="\/search">/,
    );
    expect(html).toContain('<label for="site-search-q" class="visually-hidden">Search the site</label>');
  });
});
