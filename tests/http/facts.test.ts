import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, meetings, newsArticles, organisations } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();
const lsa = async () =>
  (await t.deps.db.select().from(organisations).where(eq(organisations.acronym, "LSA")))[0]!;

describe("facts to verify", () => {
  it("shows the secretariat every uncertain record with its doubt and its sources", async () => {
    const secretariat = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await secretariat.get("/private/facts");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Facts to verify");
    expect(html).toContain('href="/members/lsa"');
    expect(html).toContain("2019 annual report");
    expect(html).toContain("Missions");
    expect(html).toMatch(/\d+ sources?</);
    expect(html).toContain(`action="/private/facts/member/${(await lsa()).id}/confirm"`);
    expect(html).toContain('href="/private/members/lsa/edit"');
  });

  it("confirming a record takes it off the list, keeps its sources and is audited", async () => {
    const secretariat = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const before = await lsa();
    const res = await secretariat.post(`/private/facts/member/${before.id}/confirm`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/private/facts?confirmed=LSA");
    const after = await lsa();
    expect(after.joinedUncertain).toBe(false);
    expect(after.sources).toEqual(before.sources);
    const html = await (await secretariat.get("/private/facts?confirmed=LSA")).text();
    expect(html).toContain("Confirmed: LSA.");
    expect(html).not.toContain('href="/members/lsa"');
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "fact.confirmed"));
    expect(entry?.subjectId).toBe(String(before.id));
  });

  it("refuses members, focal points and chairs, and changes nothing", async () => {
    const before = await lsa();
    for (const roles of [["member"], ["member", "focal_point"], ["member", "chair"]] as const) {
      const person = await browser(t.deps, t.app, await makePerson(t.deps, [...roles], "LSA"));
      expect((await person.get("/private/facts")).status).toBe(403);
      expect((await person.post(`/private/facts/member/${before.id}/confirm`)).status).toBe(403);
    }
    expect((await (await browser(t.deps, t.app)).get("/private/facts")).status).toBeGreaterThanOrEqual(300);
    expect((await lsa()).joinedUncertain).toBe(before.joinedUncertain);
  });

  it("answers 404 for an unknown kind or record, and 403 without the form's token", async () => {
    const secretariat = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    expect((await secretariat.post("/private/facts/planet/1/confirm")).status).toBe(404);
    expect((await secretariat.post("/private/facts/mission/999999/confirm")).status).toBe(404);
    const before = await lsa();
    expect(
      (await secretariat.post(`/private/facts/member/${before.id}/confirm`, {}, { csrf: false })).status,
    ).toBe(403);
    expect((await lsa()).joinedUncertain).toBe(before.joinedUncertain);
  });
});

describe("hiding a fact in doubt", () => {
  it("unpublishes a news item after a confirmation page; it stays on the list, marked hidden", async () => {
    const [item] = await t.deps.db.update(newsArticles).set({ uncertain: true }).returning();
    expect((await t.app.request(`/news/${item!.slug}`)).status).toBe(200);
    const secretariat = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    expect(await (await secretariat.get("/private/facts")).text()).toContain(
      `/private/facts/news/${item!.id}/hide`,
    );
    const confirm = await secretariat.get(`/private/facts/news/${item!.id}/hide`);
    expect(await confirm.text()).toContain("Hide from visitors");
    const res = await secretariat.post(`/private/facts/news/${item!.id}/hide`);
    expect(res.status).toBe(303);
    expect((await t.app.request(`/news/${item!.slug}`)).status).toBe(404);
    const list = await (await secretariat.get(res.headers.get("location")!)).text();
    expect(list).toContain("Hidden: visitors no longer see");
    expect(list).toContain("Hidden from visitors</span>");
  });

  it("makes a meeting members-only; kinds the site cannot withdraw answer 404 and change nothing", async () => {
    const [meeting] = await t.deps.db.update(meetings).set({ uncertain: true }).returning();
    const secretariat = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    expect((await secretariat.post(`/private/facts/meeting/${meeting!.id}/hide`)).status).toBe(303);
    const [after] = await t.deps.db.select().from(meetings).where(eq(meetings.id, meeting!.id));
    expect(after!.public).toBe(false);
    expect(await (await t.app.request("/meetings")).text()).not.toContain(`/meetings/${meeting!.slug}"`);
    const before = await lsa();
    expect((await secretariat.post(`/private/facts/member/${before.id}/hide`)).status).toBe(404);
    expect((await secretariat.get(`/private/facts/member/${before.id}/hide`)).status).toBe(404);
    expect(await lsa()).toEqual(before);
  });

  it("refuses a focal point", async () => {
    const [meeting] = await t.deps.db.update(meetings).set({ uncertain: true }).returning();
    const fp = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect((await fp.get(`/private/facts/meeting/${meeting!.id}/hide`)).status).toBe(403);
    expect((await fp.post(`/private/facts/meeting/${meeting!.id}/hide`)).status).toBe(403);
    const [after] = await t.deps.db.select().from(meetings).where(eq(meetings.id, meeting!.id));
    expect(after!.public).toBe(true);
  });
});
