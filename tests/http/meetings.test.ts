import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetingAttendance, meetings } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const VIDEO = "https://video.example.org/room-4711";

const meeting = {
  title: "Senior Agency Managers meeting 2031",
  kind: "sam_meeting",
  host: "ESA",
  place: "ESTEC, Noordwijk, Netherlands",
  start: "2031-03-29T09:00",
  end: "2031-03-30T17:00",
  timeZone: "Europe/Amsterdam",
  mode: "hybrid",
  videoUrl: VIDEO,
  summary: "The managers will discuss the **roadmap**.",
  public: "on",
};
const slug = "2031-03-29-senior-agency-managers-meeting-2031";
const meetingCount = async () => (await t.deps.db.select({ n: count() }).from(meetings))[0]!.n;

async function secretariat() {
  return browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
}

async function planned() {
  const sec = await secretariat();
  const res = await sec.post("/private/meetings/new", meeting);
  expect(res.status, await res.clone().text()).toBe(303);
  expect(res.headers.get("location")).toBe(`/meetings/${slug}?done=created`);
  return sec;
}

describe("meetings for visitors", () => {
  it("lists past SAM meetings with summaries and attendance in agencies", async () => {
    const html = await (await t.app.request("/meetings")).text();
    expect(html).toContain("No upcoming meetings announced");
    expect(html).toContain('href="/meetings/2023-songdo"');
    expect(html).toContain("20 agencies attended");
    expect(html).toContain('href="/feeds/meetings.ics"');
    expect(html).toContain('rel="next"');
    expect((await t.app.request("/meetings?page=2")).status).toBe(200);
    expect((await t.app.request("/meetings?page=99")).status).toBe(404);
  });

  it("a seeded meeting shows its days in its own zone, host, recorded attendance and summary", async () => {
    const html = await (await t.app.request("/meetings/2023-songdo")).text();
    expect(html).toContain("7–8 December 2023");
    expect(html).toContain('href="/members/kari"');
    expect(html).toContain("20 agencies attended (as reported)");
    const listed = await (await t.app.request("/meetings/2010-national-harbor")).text();
    expect(listed).toContain("12 agencies attended: ");
    expect(listed).toContain("SSAU");
    // Known to the month only, in the meeting's own zone (midnight in Cologne is still November in UTC).
    expect(await (await t.app.request("/meetings/2024-cologne")).text()).toContain("<dd>December 2024</dd>");
  });

  it("the video link never reaches visitors: page, list, API or calendar files", async () => {
    await planned();
    const paths = [
      "/meetings",
      `/meetings/${slug}`,
      "/api/v1/meetings",
      `/api/v1/meetings/${slug}`,
      `/meetings/${slug}.ics`,
      "/feeds/meetings.ics",
    ];
    for (const path of paths) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).not.toContain("room-4711");
    }
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "JAXA"));
    expect(await (await member.get(`/meetings/${slug}`)).text()).toContain(VIDEO);
    expect((await (await member.get(`/api/v1/meetings/${slug}`)).json()).data.videoUrl).toBe(VIDEO);
    // Calendar files are public, so not even members get the link there.
    expect(await (await member.get(`/meetings/${slug}.ics`)).text()).not.toContain("room-4711");
  });

  it("an upcoming meeting shows local times with the zone, and its .ics has UTC times across the DST change", async () => {
    await planned();
    const list = await (await t.app.request("/meetings")).text();
    expect(list).toContain(`href="/meetings/${slug}"`);
    const page = await (await t.app.request(`/meetings/${slug}`)).text();
    expect(page).toContain("29 March 2031, 09:00 – 30 March 2031, 17:00 (Europe/Amsterdam time)");
    const res = await t.app.request(`/meetings/${slug}.ics`);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const ics = await res.text();
    expect(ics).toContain("\r\nDTSTART:20310329T080000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20310330T150000Z\r\n");
    const feed = await (await t.app.request("/feeds/meetings.ics")).text();
    expect(feed).toContain("SUMMARY:Senior Agency Managers meeting 2031");
    expect(feed).toContain("DTSTART;VALUE=DATE:20231207");
  });

  it("members-only meetings are hidden from visitors and the public feed", async () => {
    const sec = await secretariat();
    await sec.post("/private/meetings/new", {
      ...meeting,
      title: "Private call",
      kind: "teleconference",
      public: "",
    });
    const privateSlug = "2031-03-29-private-call";
    expect((await t.app.request(`/meetings/${privateSlug}`)).status).toBe(404);
    expect((await t.app.request(`/api/v1/meetings/${privateSlug}`)).status).toBe(404);
    expect(await (await t.app.request("/feeds/meetings.ics")).text()).not.toContain("Private call");
    expect((await sec.get(`/meetings/${privateSlug}`)).status).toBe(200);
  });
});

describe("managing meetings", () => {
  it("bad input (end before start, unknown time zone) gives 422 and changes nothing", async () => {
    const sec = await secretariat();
    const before = await meetingCount();
    const backwards = await sec.post("/private/meetings/new", { ...meeting, end: "2031-03-28T17:00" });
    expect(backwards.status).toBe(422);
    expect(await backwards.text()).toContain("The end must not be before the start.");
    const zone = await sec.post("/private/meetings/new", { ...meeting, timeZone: "Mars/Olympus_Mons" });
    expect(zone.status).toBe(422);
    expect(await zone.text()).toContain("is not a known time zone");
    expect(await meetingCount()).toBe(before);

    await sec.post("/private/meetings/new", meeting);
    const edit = await sec.post(`/private/meetings/${slug}/edit`, { ...meeting, timeZone: "Nowhere/City" });
    expect(edit.status).toBe(422);
    const [row] = await t.deps.db.select().from(meetings).where(eq(meetings.slug, slug));
    expect(row!.timeZone).toBe("Europe/Amsterdam");
  });

  it("drop-downs name a meeting by the day it starts where it is held", async () => {
    const form = await (await (await secretariat()).get("/private/actions/new")).text();
    const songdo = form.match(/<option value="2023-songdo"[^>]*>([^<]*)</)?.[1];
    expect(songdo).toMatch(/^2023-12-07 · /);
  });

  it("attendance waits until the meeting has started, and changes nothing before", async () => {
    const sec = await planned();
    const early = await sec.post(`/private/meetings/${slug}/attendance`, { agencies: ["ESA"] });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain("Attendance can be recorded once the meeting has started.");
    expect(await (await t.app.request(`/meetings/${slug}`)).text()).not.toContain("attended");
  });

  it("the secretariat records attendance by agency and it counts agencies", async () => {
    const sec = await planned();
    await t.deps.db
      .update(meetings)
      .set({ startsAt: new Date("2021-03-29T07:00:00Z"), endsAt: new Date("2021-03-30T15:00:00Z") })
      .where(eq(meetings.slug, slug));
    const res = await sec.post(`/private/meetings/${slug}/attendance`, { agencies: ["ESA", "NASA", "JAXA"] });
    expect(res.status).toBe(303);
    expect(await (await t.app.request(`/meetings/${slug}`)).text()).toContain(
      "3 agencies attended: ESA, JAXA, NASA",
    );
    const bad = await sec.post(`/private/meetings/${slug}/attendance`, { agencies: ["ESA", "XYZ"] });
    expect(bad.status).toBe(422);
    const [m] = await t.deps.db.select().from(meetings).where(eq(meetings.slug, slug));
    expect(
      (await t.deps.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, m!.id))).length,
    ).toBe(3);
    const api = await (await t.app.request(`/api/v1/meetings/${slug}`)).json();
    expect(api.data.agenciesAttended).toBe(3);
  });

  it("a chair plans and edits meetings of their own group only", async () => {
    const sec = await secretariat();
    const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
    await sec.post("/private/groups/twg/chairs", { person: String(chair.id) });
    const b = await browser(t.deps, t.app, chair);
    const groupMeeting = { ...meeting, title: "TWG meeting", kind: "group_meeting", group: "twg" };
    const ok = await b.post("/private/meetings/new", groupMeeting);
    expect(ok.status, await ok.clone().text()).toBe(303);
    expect((await b.get("/private/meetings/2031-03-29-twg-meeting/edit")).status).toBe(200);
    expect(
      (await b.post("/private/meetings/new", { ...groupMeeting, title: "SWG meeting", group: "swg" })).status,
    ).toBe(403);
    expect((await b.post("/private/meetings/new", { ...meeting, title: "Forum meeting" })).status).toBe(403);
    await sec.post("/private/meetings/new", meeting);
    expect((await b.get(`/private/meetings/${slug}/edit`)).status).toBe(403);
    expect(
      (await b.post(`/private/meetings/2031-03-29-twg-meeting/attendance`, { agencies: "ESA" })).status,
    ).toBe(403);
  });

  it("the API lists meetings in the OpenAPI document", async () => {
    const doc = await (await t.app.request("/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/meetings", "/meetings/{slug}"]));
    const list = await (await t.app.request("/api/v1/meetings")).json();
    expect(list.total).toBeGreaterThanOrEqual(20);
    expect(list.data[0]).not.toHaveProperty("videoUrl");
  });
});
