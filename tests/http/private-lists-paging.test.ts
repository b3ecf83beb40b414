import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings, missions, organisations } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

/** The mission slugs a list page links to, in order. */
const missionSlugs = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="\/roadmap\/missions\/([a-z0-9-]+)"/g)].map((m) => m[1]!);
/** The meeting slugs a list page links to, in order. */
const meetingSlugs = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="\/private\/meetings\/([a-z0-9-]+)"/g)].map((m) => m[1]!);

const member = async () => browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));

/** Sixty missions led by ESA, written directly; the in-memory counts are dropped as write() would. */
async function sixtyEsaMissions() {
  const [esa] = await t.deps.db.select().from(organisations).where(eq(organisations.acronym, "ESA"));
  await t.deps.db.insert(missions).values(
    Array.from({ length: 60 }, (_, k) => ({
      slug: `paging-mission-${k + 1}`,
      name: `Paging mission ${String(k + 1).padStart(2, "0")}`,
      leadOrganisationId: esa!.id,
      destination: "mars" as const,
      status: "in_formulation" as const,
    })),
  );
  t.deps.cache.invalidate();
}

describe("the private missions list, a page at a time", () => {
  it("shows fifty missions, the count of all, and the next ones on page 2", async () => {
    const b = await member();
    const [{ n }] = (await t.deps.db.select({ n: count() }).from(missions)) as [{ n: number }];
    expect(n).toBeGreaterThan(50);
    const first = await (await b.get("/private/missions")).text();
    expect(first).toContain(`${n} missions, 50 a page.`);
    expect(first).toContain("Page 1 of 2");
    expect(first).toMatch(/href="\/private\/missions\?page=2" rel="next"/);
    const second = await (await b.get("/private/missions?page=2")).text();
    expect(second).toMatch(/href="\/private\/missions" rel="prev"/);
    const one = missionSlugs(first);
    const two = missionSlugs(second);
    expect(one).toHaveLength(50);
    expect(two).toHaveLength(n - 50);
    expect(new Set([...one, ...two]).size).toBe(n);
  });

  it("keeps the agency filter in the page links and lists only that agency's missions", async () => {
    await sixtyEsaMissions();
    const b = await member();
    const first = await (await b.get("/private/missions?agency=ESA")).text();
    expect(first).toMatch(/href="\/private\/missions\?agency=ESA&amp;page=2" rel="next"/);
    const second = await (await b.get("/private/missions?agency=ESA&page=2")).text();
    expect(second).toMatch(/href="\/private\/missions\?agency=ESA" rel="prev"/);
    expect(second).toContain("Missions of ESA (lead or partner)");
    // Undated missions come last: the sixty are at the end of ESA's list, in name order.
    expect(missionSlugs(second).at(-1)).toBe("paging-mission-60");
  });

  it("answers a malformed page with the first page and one beyond the last with a 404 that says so", async () => {
    const b = await member();
    for (const page of ["abc", "0", "-3", "1.5", ""]) {
      const res = await b.get(`/private/missions?page=${page}`);
      expect(res.status, page).toBe(200);
      expect(await res.text()).toContain("Page 1 of 2");
    }
    const beyond = await b.get("/private/missions?page=3");
    expect(beyond.status).toBe(404);
    expect(await beyond.text()).toContain("This page of missions was not found.");
  });

  it("says so when no mission matches", async () => {
    const html = await (await (await member()).get("/private/missions?agency=NOPE")).text();
    expect(html).toContain("No missions match.");
    expect(html).toContain("0 missions.");
    expect(html).not.toContain('class="pagination"');
  });
});

describe("the private meetings list, a page at a time", () => {
  it("shows the newest fifty, the count of all, and the next ones on page 2", async () => {
    await t.deps.db.insert(meetings).values(
      Array.from({ length: 40 }, (_, k) => ({
        slug: `paging-meeting-${k + 1}`,
        title: `Paging meeting ${k + 1}`,
        kind: "workshop" as const,
        startsAt: new Date(Date.UTC(2040, 0, 1 + k, 9)),
        endsAt: new Date(Date.UTC(2040, 0, 1 + k, 17)),
        timeZone: "UTC",
        mode: "virtual" as const,
        public: k % 2 === 0,
      })),
    );
    t.deps.cache.invalidate();
    const [{ n }] = (await t.deps.db.select({ n: count() }).from(meetings)) as [{ n: number }];
    expect(n).toBeGreaterThan(50);
    const b = await member();
    const first = await (await b.get("/private/meetings")).text();
    expect(first).toContain(`${n} meetings, newest first, 50 a page.`);
    expect(first).toMatch(/href="\/private\/meetings\?page=2" rel="next"/);
    const one = meetingSlugs(first);
    expect(one).toHaveLength(50);
    // Newest first, members-only ones included.
    expect(one.slice(0, 2)).toEqual(["paging-meeting-40", "paging-meeting-39"]);
    const second = await (await b.get("/private/meetings?page=2")).text();
    expect(second).toMatch(/href="\/private\/meetings" rel="prev"/);
    const two = meetingSlugs(second);
    expect(two).toHaveLength(n - 50);
    expect(new Set([...one, ...two]).size).toBe(n);
  });

  it("answers a malformed page with the first page and one beyond the last with a 404 that says so", async () => {
    const b = await member();
    const res = await b.get("/private/meetings?page=x");
    expect(res.status).toBe(200);
    expect(meetingSlugs(await res.text()).length).toBeGreaterThan(0);
    const beyond = await b.get("/private/meetings?page=2");
    expect(beyond.status).toBe(404);
    expect(await beyond.text()).toContain("This page of meetings was not found.");
  });
});
