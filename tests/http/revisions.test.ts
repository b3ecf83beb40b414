import { asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  contentPageRevisions,
  contentPages,
  missionRevisions,
  missions,
  newsRevisions,
} from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

// The one revisions module as each feature shows it: news articles, content pages and missions.
const t = useTestDatabase();

const auditCount = async () => (await t.deps.db.select({ n: count() }).from(auditLog))[0]!.n;

const article = {
  title: "Lunar workshop announced",
  date: "2031-05-04",
  summary: "The forum announces a workshop.",
  body: "The workshop takes two days.",
};

/** An article written and renamed by the secretariat: revisions 1 and 2. */
async function renamedArticle() {
  const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
  const created = await b.post("/private/news/new", article);
  const id = Number(created.headers.get("location")!.match(/\/private\/news\/(\d+)\//)![1]);
  expect((await b.post(`/private/news/${id}/edit`, { ...article, title: "Renamed workshop" })).status).toBe(
    303,
  );
  return { b, id };
}

describe("restoring a news revision", () => {
  it("asks for confirmation first, showing the revision, and changes nothing until confirmed", async () => {
    const { b, id } = await renamedArticle();
    const res = await b.get(`/private/news/${id}/revisions/1/restore`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Restore this version?");
    expect(html).toContain(`action="/private/news/${id}/revisions/1/restore"`);
    expect(html).toContain(`<h2>${article.title}</h2>`);
    const revs = await t.deps.db.select().from(newsRevisions).where(eq(newsRevisions.articleId, id));
    expect(revs).toHaveLength(2);
    expect((await b.get(`/private/news/${id}/revisions/9/restore`)).status).toBe(404);
  });

  it("is refused to a focal point with 403, and writes nothing", async () => {
    const { id } = await renamedArticle();
    const audits = await auditCount();
    const fp = await browser(t.deps, t.app, await makePerson(t.deps, ["focal_point"], "ESA"));
    expect((await fp.get(`/private/news/${id}/revisions/1/restore`)).status).toBe(403);
    expect((await fp.post(`/private/news/${id}/revisions/1/restore`, {})).status).toBe(403);
    const revs = await t.deps.db.select().from(newsRevisions).where(eq(newsRevisions.articleId, id));
    expect(revs).toHaveLength(2);
    expect(await auditCount()).toBe(audits);
  });

  it("makes a new revision, audited, and the editor shows the restored content", async () => {
    const { b, id } = await renamedArticle();
    expect((await b.post(`/private/news/${id}/revisions/1/restore`, {})).status).toBe(303);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "news.restore"));
    expect(entry?.summary).toBe(`Restored revision 1 "${article.title}" (revision 3): title`);
    const history = await (await b.get(`/private/news/${id}/history`)).text();
    expect(history).toContain("Restored revision 1");
    expect(history).toContain("(current)");
    expect(await (await b.get(`/private/news/${id}/edit`)).text()).toContain(`value="${article.title}"`);
  });
});

const argonautForm = {
  name: "Argonaut (European Large Logistics Lander)",
  destination: "lunar_surface",
  status: "in_formulation",
  launch: "2030",
  launchPrecision: "year",
  description: "Europe's large lunar lander.",
};

const argonaut = async () =>
  (await t.deps.db.select().from(missions).where(eq(missions.slug, "argonaut")))[0]!;
const revisionsOf = async (missionId: number) =>
  t.deps.db
    .select()
    .from(missionRevisions)
    .where(eq(missionRevisions.missionId, missionId))
    .orderBy(asc(missionRevisions.id));

/** ESA's focal point renames Argonaut, then changes its status: two saves on top of the dataset's. */
async function argonautChangedTwice() {
  const focal = await makePerson(t.deps, ["member", "focal_point"], "ESA");
  const b = await browser(t.deps, t.app, focal);
  const edit = (values: Record<string, string>) =>
    b.post("/private/missions/argonaut/edit", { ...argonautForm, ...values });
  expect((await edit({ name: "Argonaut Mark II" })).status).toBe(303);
  expect((await edit({ name: "Argonaut Mark II", status: "funded" })).status).toBe(303);
  const m = await argonaut();
  return { b, focal, m, revisions: await revisionsOf(m.id) };
}

describe("a mission's history and restoring one of its versions", () => {
  it("lists every save, newest first, with who and which agency, for any signed-in person", async () => {
    const { focal, revisions } = await argonautChangedTwice();
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "JAXA"));
    const res = await member.get("/private/missions/argonaut/history");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`${focal.name} (ESA)`);
    expect(html.indexOf("Changed status")).toBeLessThan(html.indexOf("Changed name"));
    // Reading is not restoring: no restore link for someone who may not edit the mission.
    expect(html).not.toContain(`/revisions/${revisions[0]!.id}/restore`);
  });

  it("asks for confirmation, showing what the restore changes, and changes nothing until confirmed", async () => {
    const { b, m, revisions } = await argonautChangedTwice();
    const first = revisions.at(-2)!; // the rename
    const res = await b.get(`/private/missions/argonaut/revisions/${first.id}/restore`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Restore this version?");
    expect(html).toMatch(/<th scope="row">Status<\/th><td>Funded<\/td><td>In formulation<\/td>/);
    expect(await revisionsOf(m.id)).toHaveLength(revisions.length);
  });

  it("is refused to another agency's focal point with 403, and writes nothing", async () => {
    const { m, revisions } = await argonautChangedTwice();
    const audits = await auditCount();
    const other = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "JAXA"));
    const url = `/private/missions/argonaut/revisions/${revisions[0]!.id}/restore`;
    expect((await other.get(url)).status).toBe(403);
    expect((await other.post(url, {})).status).toBe(403);
    expect(await revisionsOf(m.id)).toHaveLength(revisions.length);
    expect((await argonaut()).status).toBe("funded");
    expect(await auditCount()).toBe(audits);
  });

  it("restores the values a save left as a new save, audited, and the public page shows them", async () => {
    const { b, m, revisions } = await argonautChangedTwice();
    const rename = revisions.at(-2)!;
    const res = await b.post(`/private/missions/argonaut/revisions/${rename.id}/restore`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/private/missions/argonaut/history?done=restored");
    const now = await argonaut();
    expect([now.name, now.status]).toEqual(["Argonaut Mark II", "in_formulation"]);
    const after = await revisionsOf(m.id);
    expect(after).toHaveLength(revisions.length + 1);
    expect(after.at(-1)).toMatchObject({
      before: { status: "funded" },
      after: { status: "in_formulation" },
    });
    expect(after.at(-1)!.summary).toMatch(/^Changed status \(restored the version of /);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "mission.restore"));
    expect(entry?.subjectId).toBe(String(m.id));
    const page = await (await t.app.request("/roadmap/missions/argonaut")).text();
    expect(page).toContain("In formulation");
    expect(page).toContain("Changed status (restored the version of");
  });

  it("restores the dataset's values, undoing every later save", async () => {
    const before = await argonaut();
    const { b, revisions } = await argonautChangedTwice();
    const res = await b.post(`/private/missions/argonaut/revisions/${revisions[0]!.id}/restore`, {});
    expect(res.status).toBe(303);
    const now = await argonaut();
    expect([now.name, now.status, now.launchOn]).toEqual([before.name, before.status, before.launchOn]);
  });
});

describe("a long history", () => {
  it("is listed 25 to a page, newest first, the current version marked only on the first page", async () => {
    const [science] = await t.deps.db.select().from(contentPages).where(eq(contentPages.slug, "science"));
    await t.deps.db.insert(contentPageRevisions).values(
      Array.from({ length: 30 }, (_, i) => ({
        pageId: science!.id,
        title: `Version ${i + 1}`,
        body: "Text.",
        authorName: "dataset",
        createdAt: new Date(Date.UTC(2030, 0, 1 + i)),
      })),
    );
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const first = await (await b.get("/private/pages/science/edit")).text();
    expect(first).toContain("Version 30");
    expect(first).not.toContain("Version 5<");
    expect(first).toContain("Page 1 of 2");
    expect(first).toContain("(current)");
    const second = await (await b.get("/private/pages/science/edit?page=2")).text();
    expect(second).toContain("Version 1<");
    expect(second).not.toContain("Version 30");
    expect(second).not.toContain("(current)");
  });
});
