import { describe, expect, it } from "vitest";
import { meetingDecisions, meetingMinutes } from "../../src/db/schema/index.js";
import { findDecision, listDecisions } from "../../src/features/meeting-work/decisions/decisions.queries.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { planMeeting, plannedMeeting, plannedSlug as slug } from "../support/meetings.js";

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const page = `/private/meetings/${slug}`;
const later = {
  ...plannedMeeting,
  title: "Later SAM meeting",
  start: "2031-09-10T09:00",
  end: "2031-09-10T17:00",
};
const laterSlug = "2031-09-10-later-sam-meeting";
const minutes = () => t.deps.db.select().from(meetingMinutes).orderBy(meetingMinutes.version);

describe("decisions", () => {
  it("are numbered within the meeting, edited in place, and read by any member", async () => {
    const sec = await planMeeting(t);
    expect((await sec.post(`${page}/decisions/new`, { text: "Endorse the **roadmap**." })).status).toBe(303);
    expect((await sec.post(`${page}/decisions/new`, { text: "Meet again in September." })).status).toBe(303);
    expect((await sec.post(`${page}/decisions/2`, { text: "Meet again in October." })).status).toBe(303);
    const rows = await t.deps.db.select().from(meetingDecisions).orderBy(meetingDecisions.number);
    expect(rows.map((d) => [d.number, d.text])).toEqual([
      [1, "Endorse the **roadmap**."],
      [2, "Meet again in October."],
    ]);
    expect((await listDecisions(t.deps, rows[0]!.meetingId)).length).toBe(2);
    expect((await findDecision(t.deps, rows[1]!.id))?.number).toBe(2);
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const html = await (await member.get(page)).text();
    expect(html).toContain("D1");
    expect(html).toContain("<strong>roadmap</strong>");
    expect(html).not.toContain("Record a decision");
  });

  it("an empty decision is refused with 422; members, focal points and other chairs get 403", async () => {
    const sec = await planMeeting(t);
    const res = await sec.post(`${page}/decisions/new`, { text: " " });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Enter the decision.");
    for (const roles of [["member"], ["member", "focal_point"], ["member", "chair"]] as const) {
      const b = await browser(t.deps, t.app, await makePerson(t.deps, [...roles], "JAXA"));
      expect((await b.post(`${page}/decisions/new`, { text: "Not allowed." })).status).toBe(403);
    }
    expect((await t.deps.db.select().from(meetingDecisions)).length).toBe(0);
    expect((await sec.get(`${page}/decisions/7`)).status).toBe(404);
  });
});

describe("minutes", () => {
  it("each edit is a new version; history lists them and compares any two", async () => {
    const sec = await planMeeting(t);
    await sec.post(`${page}/minutes`, { text: "Opening.\nThe roadmap was discussed." });
    await sec.post(`${page}/minutes`, { text: "Opening.\nThe roadmap was endorsed." });
    const same = await sec.post(`${page}/minutes`, { text: "Opening.\nThe roadmap was endorsed." });
    expect(same.status).toBe(422);
    expect((await minutes()).map((v) => [v.version, v.text])).toEqual([
      [1, "Opening.\nThe roadmap was discussed."],
      [2, "Opening.\nThe roadmap was endorsed."],
    ]);
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const history = await (await member.get(`${page}/minutes/versions?a=1&b=2`)).text();
    expect(history).toContain("Version 1 compared with version 2");
    expect(history).toContain("- The roadmap was discussed.");
    expect(history).toContain("+ The roadmap was endorsed.");
    expect(await (await member.get(`${page}/minutes/versions/1`)).text()).toContain(
      "The roadmap was discussed.",
    );
    expect((await member.get(`${page}/minutes/versions/9`)).status).toBe(404);
    expect(await (await member.get(page)).text()).toContain("Draft");
    expect((await member.post(`${page}/minutes`, { text: "Mine now." })).status).toBe(403);
  });

  it("are approved at a later meeting only; approval freezes that version and a new edit needs its own", async () => {
    const sec = await planMeeting(t);
    await sec.post("/private/meetings/new", later);
    await sec.post(`${page}/minutes`, { text: "Version one." });
    const earlier = await sec.post(`${page}/minutes/approval`, { approvingMeeting: "2023-songdo" });
    expect(earlier.status).toBe(422);
    expect(await earlier.text()).toContain("choose one that starts after this one");
    expect((await sec.post(`${page}/minutes/approval`, { approvingMeeting: slug })).status).toBe(422);
    expect((await sec.post(`${page}/minutes/approval`, { approvingMeeting: "nowhere" })).status).toBe(422);
    expect((await minutes())[0]!.approvedAt).toBeNull();
    const form = await (await sec.get(`${page}/minutes/approval`)).text();
    expect(form).toContain(`value="${laterSlug}"`);
    expect(form).not.toContain('value="2023-songdo"');
    expect((await sec.post(`${page}/minutes/approval`, { approvingMeeting: laterSlug })).status).toBe(303);
    const html = await (await sec.get(page)).text();
    expect(html).toContain("Approved at Later SAM meeting");
    expect((await sec.post(`${page}/minutes/approval`, { approvingMeeting: laterSlug })).status).toBe(409);
    await sec.post(`${page}/minutes`, { text: "Version two." });
    const after = await (await sec.get(page)).text();
    expect(after).toContain("Draft");
    expect(after).toContain("this later version needs its own approval");
    const [v1, v2] = await minutes();
    expect([v1!.text, v1!.approvedByName !== null, v2!.approvedAt]).toEqual(["Version one.", true, null]);
  });
});

describe("nothing private reaches the public side", () => {
  it("agenda, files, registrations, decisions and minutes stay out of public pages, feeds and the public API", async () => {
    const sec = await planMeeting(t);
    const person = await makePerson(t.deps, ["member"], "ESA");
    await (await browser(t.deps, t.app, person)).post(`${page}/registration`, { attendance: "virtual" });
    await sec.post(`${page}/agenda/new`, { title: "Secret agenda item", notes: "Confidential notes" });
    await sec.post(`${page}/decisions/new`, { text: "Confidential decision" });
    await sec.post(`${page}/minutes`, { text: "Draft minutes text" });
    const paths = [
      "/meetings",
      `/meetings/${slug}`,
      `/meetings/${slug}.ics`,
      "/feeds/meetings.ics",
      "/api/v1/meetings",
      `/api/v1/meetings/${slug}`,
      `/search?q=secret`,
    ];
    for (const path of paths) {
      const res = await t.app.request(path);
      const body = await res.text();
      for (const secret of [
        "Secret agenda item",
        "Confidential",
        "Draft minutes text",
        person.name,
        "room-4711",
      ])
        expect(body, `${path} leaks ${secret}`).not.toContain(secret);
    }
    for (const path of ["agenda", "decisions", "minutes", "registrations"]) {
      const res = await t.app.request(`/api/v1/meetings/${slug}/${path}`);
      expect(res.status, path).toBe(401);
    }
  });
});

describe("the meeting API", () => {
  it("members register themselves; managers keep the agenda, decisions and minutes; the document lists it", async () => {
    const sec = await planMeeting(t);
    await sec.post("/private/meetings/new", later);
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "JAXA"));
    const base = `/api/v1/meetings/${slug}`;
    expect((await member.json("PUT", `${base}/registration`, { attendance: "virtual" })).status).toBe(200);
    const regs = await (await member.json("GET", `${base}/registrations`)).json();
    expect(regs.data).toMatchObject([{ agency: "JAXA", attendance: "virtual", attended: false }]);
    expect(
      (await member.json("PATCH", `${base}/registrations/${regs.data[0].id}`, { attended: true })).status,
    ).toBe(403);
    const marked = await sec.json("PATCH", `${base}/registrations/${regs.data[0].id}`, { attended: true });
    expect((await marked.json()).data[0].attended).toBe(true);
    expect((await member.json("PUT", `${base}/registration`, { attendance: "in_person" })).status).toBe(200);
    expect((await member.json("DELETE", `${base}/registration`)).status).toBe(200);

    expect((await member.json("POST", `${base}/agenda`, { title: "Mine" })).status).toBe(403);
    const bad = await sec.json("POST", `${base}/agenda`, { title: "Item", startTime: "9h" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.startTime).toContain("HH:MM");
    const item = await (
      await sec.json("POST", `${base}/agenda`, { title: "Roadmap", presenterAgency: "ESA" })
    ).json();
    expect(item.data).toMatchObject({ title: "Roadmap", presenterAgency: "ESA", position: 1 });
    const changed = await sec.json("PATCH", `${base}/agenda/${item.data.id}`, { durationMinutes: 30 });
    expect((await changed.json()).data).toMatchObject({ title: "Roadmap", durationMinutes: 30 });
    expect((await (await member.json("GET", `${base}/agenda`)).json()).data.length).toBe(1);

    const d = await sec.json("POST", `${base}/decisions`, { text: "Endorse the roadmap." });
    expect(d.status).toBe(201);
    expect((await d.json()).data.label).toBe("D1");
    expect((await sec.json("PATCH", `${base}/decisions/1`, { text: "" })).status).toBe(422);

    expect((await sec.json("POST", `${base}/minutes`, { text: "Minutes." })).status).toBe(201);
    const approved = await sec.json("POST", `${base}/minutes/approval`, {
      approvingMeeting: laterSlug,
      version: 1,
    });
    expect((await approved.json()).data).toMatchObject({ version: 1, approvingMeeting: laterSlug });
    expect((await (await member.json("GET", `${base}/minutes`)).json()).data.length).toBe(1);

    expect((await sec.json("DELETE", `${base}/agenda/${item.data.id}`)).status).toBe(200);
    const doc = await (await t.app.request("/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/meetings/{slug}/agenda",
        "/meetings/{slug}/minutes/approval",
        "/meetings/{slug}/registration",
      ]),
    );
  });
});
