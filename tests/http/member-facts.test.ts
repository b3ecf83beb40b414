import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();
const page = async (path: string) => (await t.app.request(path)).text();

/** The "members at year end" column of the growth table, by year. */
async function growth(): Promise<Map<number, number>> {
  const html = await page("/members");
  const rows = html.matchAll(/<th scope="row">(\d{4})<\/th><td>[^<]*<\/td><td class="num">(\d+)<\/td>/g);
  return new Map([...rows].map((m) => [Number(m[1]), Number(m[2])]));
}

describe("the facts the seeds state are the facts the site states", () => {
  it("Home, Members, the growth chart and the news agree on the member count", async () => {
    const home = Number((await page("/")).match(/Member organisations<\/dt><dd>(\d+)</)?.[1]);
    const members = await page("/members");
    const listed = members.match(/<tr><th scope="row"><a href="\/members\//g)?.length;
    const years = await growth();
    const news = await page("/news/virtual-meeting-welcomes-mexico-portugal-and-new-zealand");
    expect(home).toBe(27);
    expect(listed).toBe(27);
    expect([...years.values()].at(-1)).toBe(27);
    expect(news).toMatch(/27 agencies/);
  });

  it("the forum had 14 members until 2018 and 27 after the 2021 meeting (seeds 004, 000, 001)", async () => {
    const years = await growth();
    // Changes only: 2007 is the founding year; no change is recorded again before 2018.
    expect(years.get(2007)).toBe(14);
    expect([...years.keys()].filter((y) => y > 2007 && y < 2018)).toEqual([]);
    expect(years.get(2021)).toBe(27);
    expect(await page("/members/uae-sa")).not.toMatch(/2015/);
  });

  it("Mexico and Portugal joined in 2021, when the forum welcomed them (seed 001)", async () => {
    for (const slug of ["aem", "pt-space"]) {
      const html = await page(`/members/${slug}`);
      expect(html).toMatch(/<dt>Member since<\/dt>\s*<dd>2021<\/dd>/);
    }
  });

  it("another acronym of a member leads to its page, and is not called a former name", async () => {
    const pts = await t.app.request("/members/pts");
    expect(pts.status).toBe(301);
    expect(pts.headers.get("location")).toBe("/members/pt-space");
    const seri = await t.app.request("/members/SERI");
    expect(seri.headers.get("location")).toBe("/members/sso");
    const html = await page("/members/pt-space");
    expect(html).toMatch(/<dt>Also written<\/dt>\s*<dd>PTS<\/dd>/);
    expect(html).not.toContain("Former names");
    expect((await t.app.request("/members/nosuch")).status).toBe(404);
  });
});
