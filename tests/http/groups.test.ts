import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { groupChairs, groupMemberships, organisations, workingGroups } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const groupId = async (slug: string) =>
  (await t.deps.db.select().from(workingGroups).where(eq(workingGroups.slug, slug)))[0]!.id;
const orgId = async (acronym: string) =>
  (await t.deps.db.select().from(organisations).where(eq(organisations.acronym, acronym)))[0]!.id;

/** A person with the chair role who chairs `slug` (appointed by the secretariat through the form). */
async function chairOf(slug: string) {
  const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
  const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
  const res = await sec.post(`/private/groups/${slug}/chairs`, { person: String(chair.id), label: "" });
  expect(res.status, await res.clone().text()).toBe(303);
  return { chair, b: await browser(t.deps, t.app, chair), sec };
}

describe("working groups for visitors", () => {
  it("lists the seeded groups and teams, with Working groups after Members in the nav", async () => {
    const html = await (await t.app.request("/groups")).text();
    expect(html).toContain('href="/groups/twg"');
    expect(html).toContain("Benefits Tiger Team");
    expect(html).toContain("Former groups and teams");
    expect(html).toMatch(
      /href="\/members"[^>]*>Members<\/a>[\s\S]*?href="\/groups"[^>]*>Working groups<\/a>[\s\S]*?href="\/roadmap"/,
    );
  });

  it("a group page shows its charter, chairs and member agencies, without curation notes", async () => {
    const res = await t.app.request("/groups/swg");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Science Working Group (SWG)");
    expect(html).toContain('<h2 id="charter">Charter</h2>');
    expect(html).toContain("DLR and CNES (co-chairs");
    expect(html).toContain('href="/members/dlr"');
    expect(html).not.toContain("uncertain");
    expect(html).not.toContain("Sources");
    expect((await t.app.request("/groups/no-such-group")).status).toBe(404);
  });

  it("a member page lists the groups the agency takes part in", async () => {
    const html = await (await t.app.request("/members/dlr")).text();
    expect(html).toContain('<h2 id="agency-groups">Working groups</h2>');
    expect(html).toContain('href="/groups/swg"');
    const other = await (await t.app.request("/members/jaxa")).text();
    expect(other).toContain("No participation in a working group is recorded.");
  });

  it("the API lists groups and gives one with its membership history", async () => {
    const list = await (await t.app.request("/api/v1/groups")).json();
    expect(list.data.map((g: { slug: string }) => g.slug)).toContain("esawg");
    const one = await (await t.app.request("/api/v1/groups/swg")).json();
    expect(one.data.members.map((m: { agency: string }) => m.agency).sort()).toEqual(["CNES", "DLR"]);
    expect(one.data.charterHtml).toContain("<p>");
    const doc = await (await t.app.request("/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/groups", "/groups/{slug}"]));
  });
});

describe("managing groups", () => {
  it("the secretariat creates a team; bad dates give 422 and create nothing", async () => {
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const before = (await t.deps.db.select({ n: count() }).from(workingGroups))[0]!.n;
    const bad = await sec.post("/private/groups/new", {
      name: "Dust Team",
      kind: "assessment_team",
      started: "2030",
      ended: "2029",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("The end must not be before the start.");
    expect((await t.deps.db.select({ n: count() }).from(workingGroups))[0]!.n).toBe(before);
    const ok = await sec.post("/private/groups/new", {
      name: "Dust Mitigation Team",
      acronym: "DMT",
      kind: "assessment_team",
      charter: "Assess **dust**.",
      started: "2030",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/private/groups/dmt?done=created");
    expect(await (await t.app.request("/groups/dmt")).text()).toContain("<strong>dust</strong>");
  });

  it("a chair manages their own group but gets 403 on another group", async () => {
    const { b } = await chairOf("twg");
    expect((await b.get("/private/groups/twg")).status).toBe(200);
    const join = await b.post("/private/groups/twg/members", { organisation: "JAXA", joined: "2030-01-15" });
    expect(join.status, await join.clone().text()).toBe(303);
    expect((await b.get("/private/groups/swg")).status).toBe(403);
    const other = await b.post("/private/groups/swg/members", { organisation: "JAXA", joined: "2030-01-15" });
    expect(other.status).toBe(403);
    const rows = await t.deps.db
      .select()
      .from(groupMemberships)
      .where(
        and(
          eq(groupMemberships.groupId, await groupId("swg")),
          eq(groupMemberships.organisationId, await orgId("JAXA")),
        ),
      );
    expect(rows).toHaveLength(0);
    // Only the secretariat appoints chairs, even for the chair's own group.
    expect((await b.post("/private/groups/twg/chairs", { label: "Someone" })).status).toBe(403);
  });

  it("an agency leaves a group: the membership is closed, not deleted, and history shows", async () => {
    const { b } = await chairOf("twg");
    await b.post("/private/groups/twg/members", { organisation: "JAXA", joined: "2030-01-15" });
    const [m] = await t.deps.db
      .select()
      .from(groupMemberships)
      .where(
        and(
          eq(groupMemberships.groupId, await groupId("twg")),
          eq(groupMemberships.organisationId, await orgId("JAXA")),
        ),
      );
    expect(await (await t.app.request("/members/jaxa")).text()).toContain('href="/groups/twg"');

    const early = await b.post(`/private/groups/twg/members/${m!.id}/leave`, { left: "2029-12-31" });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain("leaving cannot be earlier");
    const unchanged = await t.deps.db.select().from(groupMemberships).where(eq(groupMemberships.id, m!.id));
    expect(unchanged[0]!.leftOn).toBeNull();

    const left = await b.post(`/private/groups/twg/members/${m!.id}/leave`, { left: "2031-06-30" });
    expect(left.status).toBe(303);
    const [after] = await t.deps.db.select().from(groupMemberships).where(eq(groupMemberships.id, m!.id));
    expect(after!.leftOn).toBe("2031-06-30");
    const page = await (await t.app.request("/groups/twg")).text();
    expect(page).toContain("Former member agencies");
    expect(await (await t.app.request("/members/jaxa")).text()).not.toContain('href="/groups/twg"');
    // Joining again opens a new period; the old one stays.
    expect(
      (await b.post("/private/groups/twg/members", { organisation: "JAXA", joined: "2032-01-01" })).status,
    ).toBe(303);
    const all = await t.deps.db
      .select()
      .from(groupMemberships)
      .where(eq(groupMemberships.organisationId, await orgId("JAXA")));
    expect(all.filter((x) => x.groupId === m!.groupId)).toHaveLength(2);
  });

  it("the secretariat removes a chair after confirming; the chair then loses access", async () => {
    const { b, sec, chair } = await chairOf("cwg");
    const [link] = await t.deps.db.select().from(groupChairs).where(eq(groupChairs.personId, chair.id));
    expect((await sec.get(`/private/groups/cwg/chairs/${link!.id}/remove`)).status).toBe(200);
    expect((await sec.post(`/private/groups/cwg/chairs/${link!.id}/remove`)).status).toBe(303);
    expect((await b.get("/private/groups/cwg")).status).toBe(403);
  });
});
