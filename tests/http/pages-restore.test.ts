import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, contentPageRevisions, contentPages } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const page = async (slug: string) =>
  (await t.deps.db.select().from(contentPages).where(eq(contentPages.slug, slug)))[0]!;
const revisionsOf = async (pageId: number) =>
  t.deps.db
    .select()
    .from(contentPageRevisions)
    .where(eq(contentPageRevisions.pageId, pageId))
    .orderBy(asc(contentPageRevisions.id));

/** The secretariat saves the science page twice, so it has the dataset's text and two edits. */
async function editedTwice() {
  const sec = await makePerson(t.deps, ["secretariat"], null);
  const b = await browser(t.deps, t.app, sec);
  const original = await page("science");
  for (const body of ["First edit of the text.", "Second edit of the text."]) {
    const res = await b.post("/private/pages/science/edit", { title: "Science", body, action: "save" });
    expect(res.status).toBe(303);
  }
  return { b, sec, original, revisions: await revisionsOf(original.id) };
}

describe("restoring a version of a content page", () => {
  it("offers each earlier version, but not the current one, from the editor", async () => {
    const { b, revisions } = await editedTwice();
    expect(revisions.map((r) => r.authorName)[0]).toBe("dataset");
    const html = await (await b.get("/private/pages/science/edit")).text();
    for (const r of revisions.slice(0, -1))
      expect(html).toContain(`/private/pages/science/revisions/${r.id}/restore`);
    expect(html).not.toContain(`/private/pages/science/revisions/${revisions.at(-1)!.id}/restore`);
  });

  it("asks for confirmation first, showing the version, and changes nothing until confirmed", async () => {
    const { b, original, revisions } = await editedTwice();
    const res = await b.get(`/private/pages/science/revisions/${revisions[0]!.id}/restore`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Restore this version?");
    expect(html).toContain("Restore this version</button>");
    expect(html).toContain("as the dataset shipped it");
    expect(html).toContain(`<p class="preview-heading">${original.title}</p>`);
    expect((await page("science")).body).toBe("Second edit of the text.");
  });

  it("restores the dataset's text as a new revision, keeping the whole history, and audits it", async () => {
    const { b, sec, original, revisions } = await editedTwice();
    const res = await b.post(`/private/pages/science/revisions/${revisions[0]!.id}/restore`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/private/pages/science/edit?done=restored");
    const now = await page("science");
    expect(now.body).toBe(original.body);
    expect(now.title).toBe(original.title);
    const after = await revisionsOf(original.id);
    expect(after).toHaveLength(revisions.length + 1);
    expect(after.slice(0, -1)).toEqual(revisions);
    expect(after.at(-1)).toMatchObject({ body: original.body, authorId: sec.id });
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "page.restore"));
    expect(entry).toMatchObject({ actorId: sec.id, subjectId: String(original.id) });
    expect(await (await t.app.request("/science")).text()).toContain(original.title);
    expect(await (await b.get("/private/pages/science/edit?done=restored")).text()).toContain(
      "The earlier version was restored",
    );
  });

  it("answers 404 for a version of another page, and changes nothing", async () => {
    const { b, revisions } = await editedTwice();
    const before = await page("technology");
    const url = `/private/pages/technology/revisions/${revisions[0]!.id}/restore`;
    expect((await b.get(url)).status).toBe(404);
    expect((await b.post(url, {})).status).toBe(404);
    expect((await b.post("/private/pages/science/revisions/999999/restore", {})).status).toBe(404);
    expect(await page("technology")).toEqual(before);
  });

  it("refuses members, focal points and visitors, and changes nothing", async () => {
    const { revisions } = await editedTwice();
    const url = `/private/pages/science/revisions/${revisions[0]!.id}/restore`;
    for (const roles of [["member"], ["focal_point"], ["chair"]] as const) {
      const b = await browser(t.deps, t.app, await makePerson(t.deps, [...roles], "ESA"));
      expect((await b.get(url)).status).toBe(403);
      expect((await b.post(url, {})).status).toBe(403);
    }
    const visitor = await browser(t.deps, t.app);
    const res = await visitor.post(url, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in/);
    expect((await page("science")).body).toBe("Second edit of the text.");
  });
});
