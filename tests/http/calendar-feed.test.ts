import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { calendarTokens, organisations, people, workingGroups } from "../../src/db/schema/index.js";
import { createLogger } from "../../src/http/logger.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const VIDEO = "https://video.example.org/private-room";

const meeting = (over: Record<string, string>) => ({
  title: "Forum call",
  kind: "teleconference",
  start: "2031-03-28T09:00",
  end: "2031-03-28T10:00",
  timeZone: "Europe/Paris",
  mode: "virtual",
  videoUrl: VIDEO,
  ...over,
});

async function plan(over: Record<string, string>) {
  const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
  const res = await sec.post("/private/meetings/new", meeting(over));
  expect([303], await res.clone().text()).toContain(res.status);
}

/** Creates the person's feed through the page and returns its path, as the page shows it once. */
async function createFeed(b: Awaited<ReturnType<typeof browser>>) {
  const res = await b.post("/private/calendar");
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toContain("no-store");
  const url = /value="(https?:\/\/[^"]+\/feeds\/calendar\/[^"]+\.ics)"/.exec(await res.text())![1]!;
  return new URL(url).pathname;
}

/** The DTSTART of the event with this title. */
const startOf = (ics: string, title: string) =>
  new RegExp(`DTSTART:(\\w+)\\r\\nDTEND:\\w+\\r\\nSUMMARY:${title}`).exec(ics)?.[1];

describe("the personal calendar feed", () => {
  it("lists the meetings the person may see, private ones with their video link, never cached publicly", async () => {
    await plan({ title: "Private forum call" });
    const [swg] = await t.deps.db.select().from(workingGroups).where(eq(workingGroups.slug, "swg"));
    await plan({ title: "TWG call", kind: "group_meeting", group: "twg" });
    await plan({ title: "SWG call", kind: "group_meeting", group: "swg" });
    expect(swg).toBeDefined();
    // CNES takes part in the SWG in the dataset; it does not in the TWG.
    const member = await makePerson(t.deps, ["member"], "CNES");
    const path = await createFeed(await browser(t.deps, t.app, member));
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const ics = await res.text();
    expect(ics).toContain("SUMMARY:Private forum call");
    expect(ics).toContain("SUMMARY:SWG call");
    expect(ics).not.toContain("SUMMARY:TWG call");
    expect(ics.replace(/\r\n /g, "")).toContain(`Video link (members only): ${VIDEO}`);
    // The public feed lists none of the private meetings and no link.
    const pub = await (await t.app.request("/feeds/meetings.ics")).text();
    expect(pub).not.toContain(VIDEO);
  });

  it("writes the right UTC instants on both sides of daylight-saving changes", async () => {
    await plan({ title: "Paris before", start: "2031-03-28T09:00", end: "2031-03-28T10:00" });
    await plan({ title: "Paris after", start: "2031-03-31T09:00", end: "2031-03-31T10:00" });
    const ny = { timeZone: "America/New_York" };
    await plan({ ...ny, title: "New York before", start: "2031-10-31T10:00", end: "2031-10-31T11:00" });
    await plan({ ...ny, title: "New York after", start: "2031-11-03T10:00", end: "2031-11-03T11:00" });
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const ics = await (await t.app.request(await createFeed(b))).text();
    // Paris is UTC+1 until 30 March 2031, then UTC+2; New York is UTC-4 until 2 November 2031, then UTC-5.
    expect(startOf(ics, "Paris before")).toBe("20310328T080000Z");
    expect(startOf(ics, "Paris after")).toBe("20310331T070000Z");
    expect(startOf(ics, "New York before")).toBe("20311031T140000Z");
    expect(startOf(ics, "New York after")).toBe("20311103T150000Z");
  });

  it("stores only a hash; a revoked or replaced address answers 404", async () => {
    const person = await makePerson(t.deps, ["member"], "ESA");
    const b = await browser(t.deps, t.app, person);
    const first = await createFeed(b);
    const token = first.replace(/^\/feeds\/calendar\/|\.ics$/g, "");
    const rows = await t.deps.db.select().from(calendarTokens).where(eq(calendarTokens.personId, person.id));
    expect(rows.map((r) => r.tokenHash)).not.toContain(token);
    const second = await createFeed(b);
    expect((await t.app.request(first)).status).toBe(404);
    expect((await t.app.request(second)).status).toBe(200);
    expect(await (await b.get("/private/calendar/revoke")).text()).toContain("Revoke your calendar feed?");
    const revoked = await b.post("/private/calendar/revoke");
    expect(revoked.status).toBe(303);
    expect((await t.app.request(second)).status).toBe(404);
    expect(await (await b.get("/private/calendar")).text()).toContain("You have no feed address yet.");
    expect((await t.app.request("/feeds/calendar/not-a-real-token-at-all-xxxx.ics")).status).toBe(404);
  });

  it("follows its owner's rights of today: a role or agency change shows at once, deactivation ends it", async () => {
    await plan({ title: "TWG call", kind: "group_meeting", group: "twg" });
    const person = await makePerson(t.deps, ["secretariat"], null);
    const path = await createFeed(await browser(t.deps, t.app, person));
    // The secretariat sees every meeting, the TWG's included.
    expect(await (await t.app.request(path)).text()).toContain("SUMMARY:TWG call");
    const [cnes] = await t.deps.db.select().from(organisations).where(eq(organisations.acronym, "CNES"));
    await t.deps.db
      .update(people)
      .set({ roles: ["member"], organisationId: cnes!.id })
      .where(eq(people.id, person.id));
    // Now a member of CNES, which does not take part in the TWG.
    const moved = await (await t.app.request(path)).text();
    expect(moved).not.toContain("SUMMARY:TWG call");
    await t.deps.db.update(people).set({ active: false }).where(eq(people.id, person.id));
    expect((await t.app.request(path)).status).toBe(404);
  });

  it("keeps the token out of the request log", async () => {
    const lines: string[] = [];
    const app = createApp({ ...t.deps, log: createLogger("info", (l) => lines.push(l)) });
    const b = await browser(t.deps, app, await makePerson(t.deps, ["member"], "ESA"));
    const path = await createFeed(b);
    expect((await app.request(path)).status).toBe(200);
    const token = path.replace(/^\/feeds\/calendar\/|\.ics$/g, "");
    expect(lines.join("")).toContain("/feeds/calendar/[token]");
    expect(lines.join("")).not.toContain(token);
  });

  it("visitors are sent to sign in; nobody creates a feed for someone else", async () => {
    const res = await t.app.request("/private/calendar");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in/);
    const visitor = await browser(t.deps, t.app);
    expect((await visitor.post("/private/calendar")).status).toBe(303);
    expect(await t.deps.db.select().from(calendarTokens)).toHaveLength(0);
  });
});
