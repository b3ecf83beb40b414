import { count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, groupChairs, meetingSessions, workingGroups } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });

/** A two-day public meeting in Songdo, Korea (UTC+9): 09:00 KST is midnight UTC. */
const meeting = {
  title: "Songdo programme meeting",
  kind: "sam_meeting",
  place: "Songdo Convensia",
  start: "2031-03-04T09:00",
  end: "2031-03-05T17:00",
  timeZone: "Asia/Seoul",
  mode: "hybrid",
  videoUrl: "https://video.example.org/songdo",
  public: "on",
};
const slug = "2031-03-04-songdo-programme-meeting";
const base = `/private/meetings/${slug}`;
const plenary = { title: "Plenary", start: "2031-03-04T09:00", end: "2031-03-04T12:30", place: "Main hall" };
const workshop = {
  title: "Public workshop",
  start: "2031-03-05T14:00",
  end: "2031-03-05T17:00",
  place: "Online",
  description: "Open to all; registration on the day.",
};

const sessionCount = async () => (await t.deps.db.select({ n: count() }).from(meetingSessions))[0]!.n;

async function as(roles: Parameters<typeof makePerson>[1], org: string | null = "ESA") {
  return browser(t.deps, t.app, await makePerson(t.deps, roles, org));
}

/** The secretariat's browser after planning the meeting. */
async function planned() {
  const sec = await as(["secretariat"], null);
  const res = await sec.post("/private/meetings/new", meeting);
  expect(res.status, await res.clone().text()).toBe(303);
  return sec;
}

/** The DTSTART values of an iCalendar file's events, in order. */
const starts = (ics: string) => [...ics.matchAll(/^DTSTART(?:;[^:]*)?:(\S+)$/gm)].map((m) => m[1]);
const events = (ics: string) => ics.split("\r\n").filter((l) => l === "BEGIN:VEVENT").length;

describe("the sessions of a meeting", () => {
  it("the secretariat adds, edits and removes sessions; each change is audited", async () => {
    const sec = await planned();
    expect((await sec.get(`${base}/sessions/new`)).status).toBe(200);
    const added = await sec.post(`${base}/sessions/new`, plenary);
    expect(added.status, await added.clone().text()).toBe(303);
    expect(added.headers.get("location")).toBe(`${base}?done=session-added#programme`);
    const [row] = await t.deps.db.select().from(meetingSessions);
    expect(row!.startsAt.toISOString()).toBe("2031-03-04T00:00:00.000Z");
    expect(row!.endsAt.toISOString()).toBe("2031-03-04T03:30:00.000Z");
    const page = await (await sec.get(base)).text();
    expect(page).toContain("Programme");
    expect(page).toContain("09:00–12:30 KST");
    expect(page).toContain(`href="${base}/sessions/${row!.id}"`);

    const form = await (await sec.get(`${base}/sessions/${row!.id}`)).text();
    expect(form).toContain('value="2031-03-04T09:00"');
    const saved = await sec.post(`${base}/sessions/${row!.id}`, { ...plenary, title: "Opening plenary" });
    expect(saved.status, await saved.clone().text()).toBe(303);
    const [changed] = await t.deps.db.select().from(meetingSessions);
    expect(changed!.title).toBe("Opening plenary");

    const confirm = await sec.get(`${base}/sessions/${row!.id}/delete`);
    expect(await confirm.text()).toContain("Remove the session");
    expect(await sessionCount()).toBe(1);
    expect((await sec.post(`${base}/sessions/${row!.id}/delete`)).status).toBe(303);
    expect(await sessionCount()).toBe(0);
    const audited = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(like(auditLog.action, "meeting.session.%"));
    expect(audited.map((a) => a.action).sort()).toEqual([
      "meeting.session.add",
      "meeting.session.delete",
      "meeting.session.update",
    ]);
  });

  it("a focal point, a member and a visitor cannot change the programme", async () => {
    const sec = await planned();
    await sec.post(`${base}/sessions/new`, plenary);
    const [row] = await t.deps.db.select().from(meetingSessions);
    for (const b of [await as(["member", "focal_point"]), await as(["member"])]) {
      expect((await b.post(`${base}/sessions/new`, workshop)).status).toBe(403);
      expect((await b.post(`${base}/sessions/${row!.id}`, workshop)).status).toBe(403);
      expect((await b.post(`${base}/sessions/${row!.id}/delete`)).status).toBe(403);
      expect((await b.json("POST", `/api/v1/meetings/${slug}/sessions`, workshop)).status).toBe(403);
      expect((await b.json("DELETE", `/api/v1/meetings/${slug}/sessions/${row!.id}`)).status).toBe(403);
    }
    const visitor = await browser(t.deps, t.app);
    const page = await visitor.post(`${base}/sessions/new`, workshop);
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toMatch(/^\/sign-in/);
    expect((await visitor.json("POST", `/api/v1/meetings/${slug}/sessions`, workshop)).status).toBe(401);
    expect(await sessionCount()).toBe(1);
    expect((await t.deps.db.select().from(meetingSessions))[0]!.title).toBe("Plenary");
  });

  it("a group's chair manages the programme of the group's meetings only", async () => {
    const sec = await as(["secretariat"], null);
    for (const group of ["swg", "twg"])
      await sec.post("/private/meetings/new", {
        ...meeting,
        title: `${group} days`,
        kind: "group_meeting",
        group,
      });
    const person = await makePerson(t.deps, ["member", "chair"], "NASA");
    const [swg] = await t.deps.db.select().from(workingGroups).where(eq(workingGroups.slug, "swg"));
    await t.deps.db.insert(groupChairs).values({ groupId: swg!.id, personId: person.id });
    const chair = await browser(t.deps, t.app, person);
    expect((await chair.post("/private/meetings/2031-03-04-swg-days/sessions/new", plenary)).status).toBe(
      303,
    );
    expect((await chair.post("/private/meetings/2031-03-04-twg-days/sessions/new", plenary)).status).toBe(
      403,
    );
    expect(await sessionCount()).toBe(1);
  });

  it("bad input is refused with a message and nothing is stored", async () => {
    const sec = await planned();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ ...plenary, end: "2031-03-04T08:00" }, "end", "The end must be after the start."],
      [
        { ...plenary, start: "2031-03-03T09:00", end: "2031-03-03T10:00" },
        "start",
        "within the meeting&#39;s dates",
      ],
      [
        { ...plenary, start: "2031-03-05T16:00", end: "2031-03-06T10:00" },
        "end",
        "4–5 March 2031 (Asia/Seoul time)",
      ],
      [{ ...plenary, timeZone: "Mars/Olympus" }, "timeZone", "not a known time zone"],
      [{ ...plenary, title: "x".repeat(201) }, "title", "Use at most 200 characters."],
      [{ ...plenary, description: "x".repeat(2001) }, "description", "Use at most 2,000 characters."],
    ];
    for (const [form, field, message] of cases) {
      const res = await sec.post(`${base}/sessions/new`, form);
      expect(res.status, field).toBe(422);
      const html = await res.text();
      expect(html, field).toContain(message);
      expect(html, field).toContain(`id="f-${field}-error"`);
    }
    const api = await sec.json("POST", `/api/v1/meetings/${slug}/sessions`, {
      ...plenary,
      timeZone: "Nowhere/City",
    });
    expect(api.status).toBe(422);
    expect((await api.json()).error.fields.timeZone).toContain("not a known time zone");
    const late = await sec.json("POST", `/api/v1/meetings/${slug}/sessions`, {
      ...plenary,
      end: "2031-03-04T09:00",
    });
    expect(late.status).toBe(422);
    expect(await sessionCount()).toBe(0);
  });

  it("a meeting's new dates must still hold its sessions", async () => {
    const sec = await planned();
    await sec.post(`${base}/sessions/new`, workshop);
    const moved = await sec.post(`${base}/edit`, { ...meeting, end: "2031-03-04T17:00" });
    expect(moved.status).toBe(422);
    expect(await moved.text()).toContain("The programme has sessions outside 4 March 2031: Public workshop.");
    expect((await sec.post(`${base}/edit`, { ...meeting, place: "Incheon" })).status).toBe(303);
  });

  it("the public page lists the sessions by day in the meeting's local time; the date range is unchanged", async () => {
    const sec = await planned();
    await sec.post(`${base}/sessions/new`, workshop);
    await sec.post(`${base}/sessions/new`, plenary);
    const html = await (await t.app.request(`/meetings/${slug}`)).text();
    expect(html).toContain("4 March 2031, 09:00 – 5 March 2031, 17:00 (Asia/Seoul time)");
    expect(html).toContain("Tuesday 4 March 2031");
    expect(html).toContain("Wednesday 5 March 2031");
    expect(html).toContain("09:00–12:30 KST");
    expect(html).toContain("14:00–17:00 KST");
    expect(html.indexOf("Plenary")).toBeLessThan(html.indexOf("Public workshop"));
    expect(html).toContain("Open to all; registration on the day.");
    // Editing links are for managers only.
    expect(html).not.toContain("/sessions/");
  });

  it("the meeting's .ics and the public feed have one event per session", async () => {
    const sec = await planned();
    await sec.post(`${base}/sessions/new`, plenary);
    await sec.post(`${base}/sessions/new`, workshop);
    const ids = (await t.deps.db.select().from(meetingSessions)).map((s) => s.id).sort((a, b) => a - b);
    const ics = await (await t.app.request(`/meetings/${slug}.ics`)).text();
    expect(events(ics)).toBe(2);
    expect(starts(ics)).toEqual(["20310304T000000Z", "20310305T050000Z"]);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:Songdo programme meeting — Plenary");
    expect(unfolded).toContain("LOCATION:Main hall");
    expect(unfolded).toContain("DTEND:20310304T033000Z");
    expect(unfolded).toMatch(new RegExp(`UID:meeting-\\d+-session-${ids[0]}@`));
    expect(unfolded).not.toContain("video.example.org");
    const feed = await (await t.app.request("/feeds/meetings.ics")).text();
    expect(feed.replace(/\r\n /g, "")).toContain("SUMMARY:Songdo programme meeting — Public workshop");
    expect(feed.replace(/\r\n /g, "")).not.toContain("SUMMARY:Songdo programme meeting\r\n");
  });

  it("the personal calendar feed has one event per session", async () => {
    const sec = await planned();
    await sec.post(`${base}/sessions/new`, plenary);
    await sec.post(`${base}/sessions/new`, workshop);
    const member = await as(["member"]);
    const created = await (await member.post("/private/calendar")).text();
    const path = new URL(/value="(https?:\/\/[^"]+\/feeds\/calendar\/[^"]+\.ics)"/.exec(created)![1]!)
      .pathname;
    const ics = (await (await t.app.request(path)).text()).replace(/\r\n /g, "");
    const ours = ics.split("BEGIN:VEVENT").filter((e) => e.includes("SUMMARY:Songdo programme meeting"));
    expect(ours).toHaveLength(2);
    expect(ours.map((e) => /DTSTART:(\w+)/.exec(e)![1])).toEqual(["20310304T000000Z", "20310305T050000Z"]);
    expect(ours[1]).toContain("Video link (members only): https://video.example.org/songdo");
  });

  it("the API adds, changes and removes sessions and shows them with the meeting", async () => {
    const sec = await planned();
    const res = await sec.json("POST", `/api/v1/meetings/${slug}/sessions`, plenary);
    expect(res.status, await res.clone().text()).toBe(201);
    const { data } = await res.json();
    expect(data).toMatchObject({
      title: "Plenary",
      start: "2031-03-04T00:00:00.000Z",
      localEnd: "2031-03-04T12:30",
    });
    const patched = await sec.json("PATCH", `/api/v1/meetings/${slug}/sessions/${data.id}`, {
      end: "2031-03-04T13:00",
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect((await patched.json()).data.end).toBe("2031-03-04T04:00:00.000Z");
    // A session without a place or description keeps none when another field changes.
    const bare = await sec.json("POST", `/api/v1/meetings/${slug}/sessions`, {
      title: "Coffee",
      start: "2031-03-05T10:00",
      end: "2031-03-05T10:30",
    });
    const coffee = (await bare.json()).data;
    const renamed = await sec.json("PATCH", `/api/v1/meetings/${slug}/sessions/${coffee.id}`, {
      title: "Break",
    });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    expect((await renamed.json()).data).toMatchObject({ title: "Break", place: null, description: "" });
    expect((await sec.json("DELETE", `/api/v1/meetings/${slug}/sessions/${coffee.id}`)).status).toBe(200);
    const shown = await (await t.app.request(`/api/v1/meetings/${slug}`)).json();
    expect(shown.data.sessions).toEqual([
      expect.objectContaining({ id: data.id, localStart: "2031-03-04T09:00" }),
    ]);
    expect((await sec.json("DELETE", `/api/v1/meetings/${slug}/sessions/${data.id}`)).status).toBe(200);
    expect((await sec.json("DELETE", `/api/v1/meetings/${slug}/sessions/${data.id}`)).status).toBe(404);
    expect(await sessionCount()).toBe(0);
  });

  it("a members-only meeting's sessions are not shown to visitors", async () => {
    const sec = await as(["secretariat"], null);
    const { public: _public, ...hidden } = meeting;
    expect((await sec.post("/private/meetings/new", hidden)).status).toBe(303);
    await sec.json("POST", `/api/v1/meetings/${slug}/sessions`, plenary);
    expect((await t.app.request(`/api/v1/meetings/${slug}`)).status).toBe(404);
    expect((await sec.get(`/api/v1/meetings/${slug}`)).status).toBe(200);
    expect((await (await sec.get(`/api/v1/meetings/${slug}`)).json()).data.sessions).toHaveLength(1);
  });

  it("a meeting without sessions is unchanged: one event, no programme", async () => {
    const sec = await planned();
    const html = await (await t.app.request(`/meetings/${slug}`)).text();
    expect(html).not.toContain("Programme");
    const ics = await (await t.app.request(`/meetings/${slug}.ics`)).text();
    expect(events(ics)).toBe(1);
    expect(starts(ics)).toEqual(["20310304T000000Z"]);
    expect(ics).toMatch(/UID:meeting-\d+@/);
    expect(ics).toContain("DTEND:20310305T080000Z");
    expect((await (await t.app.request(`/api/v1/meetings/${slug}`)).json()).data.sessions).toEqual([]);
    // The private page invites the secretariat to add a programme.
    expect(await (await sec.get(base)).text()).toContain(`href="${base}/sessions/new"`);
    const songdo = await (await t.app.request("/meetings/2023-songdo")).text();
    expect(songdo).toContain("7–8 December 2023");
    expect(await t.deps.db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, 0))).toEqual(
      [],
    );
  });
});
