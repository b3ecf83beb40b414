import { count, eq, inArray } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import type { Db } from "../../src/db/client.js";
import { actionEvents, actionItems, groupChairs, workingGroups } from "../../src/db/schema/index.js";
import { createAction } from "../../src/features/actions/actions.service.js";
import { systemActor } from "../../src/http/actor.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });

const action = {
  title: "Circulate the draft gap assessment",
  description: "To all participating agencies.",
  ownerAgency: "ESA",
  due: "2031-02-01",
};
const actionCount = async () => (await t.deps.db.select({ n: count() }).from(actionItems))[0]!.n;

async function as(roles: Parameters<typeof makePerson>[1], org: string | null = "ESA") {
  const person = await makePerson(t.deps, roles, org);
  return { person, b: await browser(t.deps, t.app, person) };
}

/** The secretariat raises an action and returns its number. */
async function raise(overrides: Record<string, string> = {}) {
  const { b } = await as(["secretariat"], null);
  const res = await b.post("/private/actions/new", { ...action, ...overrides });
  expect(res.status, await res.clone().text()).toBe(303);
  return Number(/\/private\/actions\/(\d+)/.exec(res.headers.get("location")!)![1]);
}

async function chairOf(slug: string) {
  const chair = await as(["member", "chair"], "NASA");
  const [g] = await t.deps.db.select().from(workingGroups).where(eq(workingGroups.slug, slug));
  await t.deps.db.insert(groupChairs).values({ groupId: g!.id, personId: chair.person.id });
  return chair;
}

describe("raising actions", () => {
  it("the secretariat raises a numbered action; its history starts with it", async () => {
    const n = await raise();
    const { b } = await as(["member"]);
    const html = await (await b.get(`/private/actions/${n}`)).text();
    expect(html).toContain(`Action A-${n}`);
    expect(html).toContain("Circulate the draft gap assessment");
    expect(html).toContain("Action raised.");
    expect(await raise({ title: "A second one" })).toBe(n + 1);
  });

  it("bad input re-renders the form with a message per field and changes nothing", async () => {
    const before = await actionCount();
    const { b } = await as(["secretariat"], null);
    const res = await b.post("/private/actions/new", { title: "", due: "2031-02-30", ownerAgency: "" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter the action.");
    expect(html).toContain("Enter a real date as YYYY-MM-DD.");
    expect(html).toContain("Name the owner");
    const unknown = await b.post("/private/actions/new", {
      ...action,
      ownerAgency: "NOPE",
      meeting: "no-such",
    });
    expect(unknown.status).toBe(422);
    expect(await actionCount()).toBe(before);
  });

  it("an owner person of another agency than the owner agency is refused", async () => {
    const jaxa = await makePerson(t.deps, ["member"], "JAXA");
    const { b } = await as(["secretariat"], null);
    const res = await b.post("/private/actions/new", { ...action, ownerPerson: String(jaxa.id) });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("does not represent ESA");
  });

  it("a chair raises actions in the group they chair, not in another group nor forum-wide", async () => {
    const { b } = await chairOf("swg");
    const ok = await b.post("/private/actions/new", { ...action, group: "swg" });
    expect(ok.status, await ok.clone().text()).toBe(303);
    expect((await b.post("/private/actions/new", { ...action, group: "twg" })).status).toBe(403);
    expect((await b.post("/private/actions/new", action)).status).toBe(403);
  });

  it("members and focal points cannot raise actions; visitors are sent to sign in", async () => {
    for (const roles of [["member"], ["member", "focal_point"]] as const) {
      const { b } = await as([...roles]);
      expect((await b.get("/private/actions/new")).status).toBe(403);
      expect((await b.post("/private/actions/new", action)).status).toBe(403);
    }
    const res = await t.app.request("/private/actions");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in/);
  });
});

describe("the register", () => {
  it("a member starts on their agency's actions and may look at every agency's", async () => {
    await raise();
    await raise({ title: "A JAXA action", ownerAgency: "JAXA" });
    const { b } = await as(["member"], "JAXA");
    const own = await (await b.get("/private/actions")).text();
    expect(own).toContain("A JAXA action");
    expect(own).not.toContain("Circulate the draft gap assessment");
    const all = await (await b.get("/private/actions?agency=all")).text();
    expect(all).toContain("Circulate the draft gap assessment");
    expect(all).toContain("A JAXA action");
  });

  it("a notice is shown for a known ?done= only, not for a name every object has", async () => {
    const n = await raise();
    const { b } = await as(["secretariat"], null);
    expect(await (await b.get(`/private/actions/${n}?done=created`)).text()).toContain('class="notice"');
    for (const made of ["constructor", "toString", "__proto__"]) {
      const res = await b.get(`/private/actions?done=${made}`);
      expect(res.status).toBe(200);
      expect(await res.text()).not.toContain('class="notice"');
    }
  });

  it("an action owned by a person counts for that person's agency, and under “mine”", async () => {
    const owner = await makePerson(t.deps, ["member"], "CNES");
    await raise({ title: "Owned by a person", ownerAgency: "", ownerPerson: String(owner.id) });
    const b = await browser(t.deps, t.app, owner);
    expect(await (await b.get("/private/actions")).text()).toContain("Owned by a person");
    expect(await (await b.get("/private/actions?agency=all&mine=1")).text()).toContain("Owned by a person");
    const { b: other } = await as(["member"], "CNES");
    expect(await (await other.get("/private/actions?agency=all&mine=1")).text()).not.toContain(
      "Owned by a person",
    );
  });

  it("overdue open actions stand out in words and style; closed ones do not", async () => {
    await raise({ title: "Late one", due: "2031-01-02" });
    await raise({ title: "Late but closed", due: "2031-01-02", meeting: "" });
    await t.deps.db
      .update(actionItems)
      .set({ status: "closed" })
      .where(eq(actionItems.title, "Late but closed"));
    const { b } = await as(["member"]);
    const html = await (await b.get("/private/actions?status=all")).text();
    expect(html).toMatch(/<tr class="overdue">[\s\S]*?Late one[\s\S]*?Overdue/);
    expect(html).not.toMatch(/Late but closed[\s\S]{0,400}Overdue/);
  });

  it("filters by status, group and meeting live in the address; unknown names match nothing", async () => {
    await raise({ title: "Raised at Songdo", meeting: "2023-songdo" });
    const n = await raise({ title: "Reviewed at Songdo" });
    const { b: fp } = await as(["member", "focal_point"]);
    const res = await fp.post(`/private/actions/${n}/status`, {
      status: "in_progress",
      meeting: "2023-songdo",
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const { b } = await as(["member"]);
    const html = await (await b.get("/private/actions?agency=all&meeting=2023-songdo")).text();
    expect(html).toContain("Raised at Songdo");
    expect(html).toContain("Reviewed at Songdo");
    expect(html).not.toContain("Circulate the draft");
    const closed = await (await b.get("/private/actions?agency=all&status=closed")).text();
    expect(closed).toContain("No action matches these filters.");
    const bad = await (await b.get("/private/actions?agency=all&group=no-such-group")).text();
    expect(bad).toContain("Not found: group no-such-group");
    expect(bad).toContain("No action matches these filters.");
  });

  it("long registers are paginated, keeping the filters", async () => {
    await raise();
    const [first] = await t.deps.db.select().from(actionItems).limit(1);
    await t.deps.db.insert(actionItems).values(
      Array.from({ length: 30 }, (_, i) => ({
        number: 100 + i,
        title: `Bulk ${i}`,
        ownerOrganisationId: first!.ownerOrganisationId,
        dueOn: "2031-06-01",
      })),
    );
    const { b } = await as(["member"]);
    const html = await (await b.get("/private/actions")).text();
    expect(html).toMatch(/href="\/private\/actions\?agency=ESA&amp;page=2" rel="next"/);
    expect((await b.get("/private/actions?page=2")).status).toBe(200);
    expect((await b.get("/private/actions?page=9")).status).toBe(404);
  });
});

describe("updating actions", () => {
  it("the owning agency's focal point records a status change with a note, kept in the history", async () => {
    const n = await raise();
    const { b } = await as(["member", "focal_point"]);
    const res = await b.post(`/private/actions/${n}/status`, {
      status: "closed",
      note: "Sent on 5 January.",
    });
    expect(res.status).toBe(303);
    const html = await (await b.get(`/private/actions/${n}`)).text();
    expect(html).toContain("Open → Closed");
    expect(html).toContain("Sent on 5 January.");
    const events = await t.deps.db.select().from(actionEvents);
    expect(events.filter((e) => e.toStatus === "closed")).toHaveLength(1);
  });

  it("a plain member, another agency's focal point and a visitor cannot update the status", async () => {
    const n = await raise();
    const { b: member } = await as(["member"]);
    expect((await member.post(`/private/actions/${n}/status`, { status: "closed" })).status).toBe(403);
    const { b: other } = await as(["member", "focal_point"], "JAXA");
    expect((await other.post(`/private/actions/${n}/status`, { status: "closed" })).status).toBe(403);
    const visitor = await browser(t.deps, t.app);
    expect((await visitor.post(`/private/actions/${n}/status`, { status: "closed" })).status).toBe(303);
    const [row] = await t.deps.db.select().from(actionItems).where(eq(actionItems.number, n));
    expect(row!.status).toBe("open");
  });

  it("an update that changes nothing, or names an unknown status, is refused with a message", async () => {
    const n = await raise();
    const { b } = await as(["member", "focal_point"]);
    const same = await b.post(`/private/actions/${n}/status`, { status: "open" });
    expect(same.status).toBe(422);
    expect(await same.text()).toContain("Change the status, add a note");
    expect((await b.post(`/private/actions/${n}/status`, { status: "done" })).status).toBe(422);
  });

  it("managers edit an action; moving the due date is logged; another group's chair cannot", async () => {
    const { b: chair } = await chairOf("swg");
    const created = await chair.post("/private/actions/new", { ...action, group: "swg" });
    const n = Number(/(\d+)/.exec(created.headers.get("location")!)![1]);
    const res = await chair.post(`/private/actions/${n}/edit`, {
      ...action,
      group: "swg",
      due: "2031-03-01",
      status: "open",
    });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(await (await chair.get(`/private/actions/${n}`)).text()).toContain(
      "Due date moved from 2031-02-01 to 2031-03-01.",
    );
    const { b: other } = await as(["member", "chair"], "JAXA");
    expect((await other.get(`/private/actions/${n}/edit`)).status).toBe(403);
    expect((await other.post(`/private/actions/${n}/edit`, { ...action, group: "swg" })).status).toBe(403);
    // Moving the action out of the chair's group would hand it to someone else: refused.
    expect((await chair.post(`/private/actions/${n}/edit`, { ...action, group: "" })).status).toBe(403);
  });

  it("an unknown action is not found", async () => {
    const { b } = await as(["member"]);
    expect((await b.get("/private/actions/99999")).status).toBe(404);
  });
});

// Real concurrency needs two connections, i.e. a PostgreSQL server (the embedded database has one).
describe.runIf(inject("pgServer") !== null)("actions raised at the same time", () => {
  it("an action raised while another is uncommitted waits for it and takes the next number", async () => {
    const db = t.database.db;
    const system = systemActor("test");
    let second: Promise<{ id: number; number: number }> | undefined;
    const first = await db.transaction(async (tx) => {
      const row = await createAction({ ...t.deps, db: tx as Db }, system, { ...action, title: "First" });
      second = createAction({ ...t.deps, db }, system, { ...action, title: "Second" });
      await new Promise((resolve) => setTimeout(resolve, 300));
      return row;
    });
    const other = await second!;
    try {
      expect(other.number).toBe(first.number + 1);
    } finally {
      await db.delete(actionItems).where(inArray(actionItems.id, [first.id, other.id]));
    }
  });
});
