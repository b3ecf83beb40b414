import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Role } from "../../src/db/schema/index.js";
import {
  agendaItemFiles,
  agendaItems,
  meetingAttendance,
  meetingDecisions,
  meetingMinutes,
  meetingRegistrations,
  meetings,
} from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { planMeeting, plannedMeeting, plannedSlug as slug, uploadAs } from "../support/meetings.js";
import { makePdf } from "../support/pdf.js";

// Each rule of a meeting's working area tried with the wrong role, the wrong group's chair and bad
// input: the refusal is asserted together with what must not have changed.

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const page = `/private/meetings/${slug}`;
const api = `/api/v1/meetings/${slug}`;
const twgSlug = "2031-03-29-twg-meeting";
const twg = `/private/meetings/${twgSlug}`;
const twgApi = `/api/v1/meetings/${twgSlug}`;
const past = "/private/meetings/2023-songdo";

const as = async (roles: Role[], org: string | null = "ESA") =>
  browser(t.deps, t.app, await makePerson(t.deps, roles, org));
const rows = {
  registrations: () => t.deps.db.select().from(meetingRegistrations),
  agenda: () => t.deps.db.select().from(agendaItems).orderBy(agendaItems.position),
  decisions: () => t.deps.db.select().from(meetingDecisions).orderBy(meetingDecisions.number),
  minutes: () => t.deps.db.select().from(meetingMinutes).orderBy(meetingMinutes.version),
  files: () => t.deps.db.select().from(agendaItemFiles),
};
const meetingId = async (s: string) =>
  (await t.deps.db.select().from(meetings).where(eq(meetings.slug, s)))[0]!.id;
/** How many agencies the meeting's attendance record lists. */
const attendanceCount = async (s: string) =>
  (
    await t.deps.db
      .select({ n: count() })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, await meetingId(s)))
  )[0]!.n;

/**
 * The planned SAM meeting plus a TWG meeting at the same dates, chaired by a NASA chair; a JAXA
 * person chairs another group (SCWG). Returns the secretariat's and both chairs' browsers.
 */
async function withGroupMeeting() {
  const sec = await planMeeting(t);
  const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
  const otherChair = await makePerson(t.deps, ["member", "chair"], "JAXA");
  expect((await sec.post("/private/groups/twg/chairs", { person: String(chair.id) })).status).toBe(303);
  expect((await sec.post("/private/groups/scwg/chairs", { person: String(otherChair.id) })).status).toBe(303);
  const res = await sec.post("/private/meetings/new", {
    ...plannedMeeting,
    title: "TWG meeting",
    kind: "group_meeting",
    group: "twg",
  });
  expect(res.status).toBe(303);
  return {
    sec,
    chair: await browser(t.deps, t.app, chair),
    otherChair: await browser(t.deps, t.app, otherChair),
  };
}

/** The planned meeting with two agenda items, "First" and "Second"; returns the secretariat and the items. */
async function withAgenda() {
  const sec = await planMeeting(t);
  for (const title of ["First", "Second"])
    expect((await sec.post(`${page}/agenda/new`, { title })).status).toBe(303);
  const [first, second] = await rows.agenda();
  return { sec, first: first!, second: second! };
}

describe("registration rules", () => {
  it("a visitor's registration form is sent to sign in and registers nobody", async () => {
    await planMeeting(t);
    const visitor = await browser(t.deps, t.app);
    const res = await visitor.post(`${page}/registration`, { attendance: "virtual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in/);
    expect((await rows.registrations()).length).toBe(0);
  });

  it("the API answers 401 to a visitor registering and stores nothing", async () => {
    await planMeeting(t);
    const res = await t.app.request(`${api}/registration`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ attendance: "virtual" }),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
    expect((await rows.registrations()).length).toBe(0);
  });

  it("an unknown way of attending is refused through the API with a message on the field", async () => {
    await planMeeting(t);
    const member = await as(["member"]);
    const res = await member.json("PUT", `${api}/registration`, { attendance: "teleport" });
    expect(res.status).toBe(422);
    // The API's own schema or the service's: either way the field is named with a message.
    expect(typeof (await res.json()).error.fields.attendance).toBe("string");
    expect((await rows.registrations()).length).toBe(0);
  });

  it("an in-person meeting cannot be attended virtually", async () => {
    await planMeeting(t, { ...plannedMeeting, mode: "in_person", videoUrl: "" });
    const member = await as(["member"]);
    const html = await (await member.get(page)).text();
    expect(html).not.toContain('value="virtual"');
    const res = await member.post(`${page}/registration`, { attendance: "virtual" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("This meeting can only be attended in person.");
    expect((await rows.registrations()).length).toBe(0);
  });

  it("a virtual meeting refuses in person through the API too", async () => {
    await planMeeting(t, { ...plannedMeeting, mode: "virtual" });
    const member = await as(["member"]);
    const res = await member.json("PUT", `${api}/registration`, { attendance: "in_person" });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.attendance).toContain("can only be attended virtual");
    expect((await rows.registrations()).length).toBe(0);
  });

  it("changing how one attends keeps one registration per person", async () => {
    await planMeeting(t);
    const member = await as(["member"]);
    await member.json("PUT", `${api}/registration`, { attendance: "virtual" });
    await member.json("PUT", `${api}/registration`, { attendance: "in_person" });
    const regs = await rows.registrations();
    expect(regs.map((r) => r.attendance)).toEqual(["in_person"]);
  });

  it("cancelling removes only one's own registration", async () => {
    await planMeeting(t);
    const esa = await as(["member"], "ESA");
    const jaxa = await makePerson(t.deps, ["member"], "JAXA");
    await esa.post(`${page}/registration`, { attendance: "virtual" });
    await (await browser(t.deps, t.app, jaxa)).post(`${page}/registration`, { attendance: "virtual" });
    expect((await esa.post(`${page}/registration/cancel`)).status).toBe(303);
    expect((await rows.registrations()).map((r) => r.personId)).toEqual([jaxa.id]);
  });

  it("after the meeting started a registration can no longer be cancelled", async () => {
    const member = await makePerson(t.deps, ["member"], "ESA");
    await t.deps.db
      .insert(meetingRegistrations)
      .values({ meetingId: await meetingId("2023-songdo"), personId: member.id, attendance: "virtual" });
    const b = await browser(t.deps, t.app, member);
    expect((await b.post(`${past}/registration/cancel`)).status).toBe(409);
    const res = await b.json("DELETE", "/api/v1/meetings/2023-songdo/registration");
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain("Registration closed");
    expect((await rows.registrations()).length).toBe(1);
  });

  it("the API refuses a registration for a meeting that already started", async () => {
    const member = await as(["member"]);
    const res = await member.json("PUT", "/api/v1/meetings/2023-songdo/registration", {
      attendance: "in_person",
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("conflict");
    expect((await rows.registrations()).length).toBe(0);
  });

  it("registering for a meeting that does not exist is not found", async () => {
    const member = await as(["member"]);
    expect(
      (await member.post("/private/meetings/no-such/registration", { attendance: "virtual" })).status,
    ).toBe(404);
    const res = await member.json("PUT", "/api/v1/meetings/no-such/registration", { attendance: "virtual" });
    expect(res.status).toBe(404);
    expect((await rows.registrations()).length).toBe(0);
  });
});

describe("attendance rules", () => {
  it("a registration of another meeting cannot be marked as attended here", async () => {
    const { sec } = await withGroupMeeting();
    await (await as(["member"], "ESA")).post(`${page}/registration`, { attendance: "virtual" });
    await (await as(["member"], "CSA")).post(`${twg}/registration`, { attendance: "virtual" });
    const twgId = await meetingId(twgSlug);
    const reg = (await rows.registrations()).find((r) => r.meetingId === twgId)!;
    const res = await sec.post(`${page}/registrations`, { attended: String(reg.id) });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Choose registrations of this meeting.");
    expect((await rows.registrations()).every((r) => !r.attended)).toBe(true);
    expect(await attendanceCount(slug)).toBe(0);
    expect(await attendanceCount(twgSlug)).toBe(0);
  });

  it("ids that are not numbers are refused with a message on the field", async () => {
    const sec = await planMeeting(t);
    await (await as(["member"], "ESA")).post(`${page}/registration`, { attendance: "virtual" });
    const res = await sec.post(`${page}/registrations`, { attended: "abc" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Choose registrations from the list.");
    expect(await attendanceCount(slug)).toBe(0);
  });

  it("a bad attendance form on a meeting nobody registered for is refused", async () => {
    const sec = await planMeeting(t);
    expect((await sec.post(`${page}/registrations`, { attended: "abc" })).status).toBe(422);
    expect(await attendanceCount(slug)).toBe(0);
  });

  it("marking a registration through the API needs true or false", async () => {
    const sec = await planMeeting(t);
    const member = await as(["member"]);
    await member.json("PUT", `${api}/registration`, { attendance: "virtual" });
    const [reg] = await rows.registrations();
    const res = await sec.json("PATCH", `${api}/registrations/${reg!.id}`, { attended: "yes" });
    expect(res.status).toBe(422);
    expect(typeof (await res.json()).error.fields.attended).toBe("string");
    expect((await rows.registrations())[0]!.attended).toBe(false);
  });

  it("marking a registration that is not this meeting's is not found", async () => {
    const sec = await planMeeting(t);
    const res = await sec.json("PATCH", `${api}/registrations/999999`, { attended: true });
    expect(res.status).toBe(404);
    expect(await attendanceCount(slug)).toBe(0);
  });

  it("the group's chair marks attendance at the group's meeting; a chair of another group cannot", async () => {
    const { chair, otherChair } = await withGroupMeeting();
    const member = await as(["member"], "CSA");
    await member.post(`${twg}/registration`, { attendance: "virtual" });
    const [reg] = await rows.registrations();
    expect((await otherChair.get(`${twg}/registrations`)).status).toBe(403);
    expect((await otherChair.post(`${twg}/registrations`, { attended: String(reg!.id) })).status).toBe(403);
    const refused = await otherChair.json("PATCH", `${twgApi}/registrations/${reg!.id}`, { attended: true });
    expect(refused.status).toBe(403);
    expect(await attendanceCount(twgSlug)).toBe(0);
    expect((await chair.post(`${twg}/registrations`, { attended: String(reg!.id) })).status).toBe(303);
    expect((await rows.registrations())[0]!.attended).toBe(true);
    expect(await attendanceCount(twgSlug)).toBe(1);
  });

  it("people left out of the list are marked as not attended", async () => {
    const sec = await planMeeting(t);
    for (const org of ["ESA", "JAXA"])
      await (await as(["member"], org)).post(`${page}/registration`, { attendance: "virtual" });
    const regs = await rows.registrations();
    await sec.post(`${page}/registrations`, { attended: regs.map((r) => String(r.id)) });
    expect((await sec.post(`${page}/registrations`, { attended: String(regs[0]!.id) })).status).toBe(303);
    const after = await rows.registrations();
    expect(after.filter((r) => r.attended).map((r) => r.id)).toEqual([regs[0]!.id]);
  });

  it("a member cannot mark themselves as attended through the API", async () => {
    await planMeeting(t);
    const member = await as(["member", "focal_point"]);
    await member.json("PUT", `${api}/registration`, { attendance: "virtual" });
    const [reg] = await rows.registrations();
    expect((await member.json("PATCH", `${api}/registrations/${reg!.id}`, { attended: true })).status).toBe(
      403,
    );
    expect((await rows.registrations())[0]!.attended).toBe(false);
  });
});

describe("agenda rules", () => {
  it("a chair of another group cannot add to, change, move or remove items of this group's meeting", async () => {
    const { chair, otherChair } = await withGroupMeeting();
    expect((await chair.post(`${twg}/agenda/new`, { title: "TWG item" })).status).toBe(303);
    expect((await chair.post(`${twg}/agenda/new`, { title: "TWG second" })).status).toBe(303);
    const [item, second] = await rows.agenda();
    expect((await otherChair.get(`${twg}/agenda/new`)).status).toBe(403);
    expect((await otherChair.post(`${twg}/agenda/new`, { title: "Not mine" })).status).toBe(403);
    expect((await otherChair.post(`${twg}/agenda/${item!.id}`, { title: "Renamed" })).status).toBe(403);
    expect((await otherChair.post(`${twg}/agenda/${second!.id}/move`, { direction: "up" })).status).toBe(403);
    expect((await otherChair.post(`${twg}/agenda/${item!.id}/delete`)).status).toBe(403);
    expect((await rows.agenda()).map((r) => r.title)).toEqual(["TWG item", "TWG second"]);
  });

  it("a chair of another group is refused by the agenda API as well", async () => {
    const { chair, otherChair } = await withGroupMeeting();
    const made = await chair.json("POST", `${twgApi}/agenda`, { title: "TWG item" });
    expect(made.status).toBe(201);
    const { id } = (await made.json()).data;
    expect((await otherChair.json("POST", `${twgApi}/agenda`, { title: "Mine" })).status).toBe(403);
    expect((await otherChair.json("PATCH", `${twgApi}/agenda/${id}`, { title: "Renamed" })).status).toBe(403);
    expect((await otherChair.json("DELETE", `${twgApi}/agenda/${id}`)).status).toBe(403);
    expect((await rows.agenda()).map((r) => r.title)).toEqual(["TWG item"]);
  });

  it("a member cannot open, change or remove an item", async () => {
    const { first } = await withAgenda();
    const member = await as(["member", "focal_point"]);
    expect((await member.get(`${page}/agenda/${first.id}`)).status).toBe(403);
    expect((await member.post(`${page}/agenda/${first.id}`, { title: "Renamed" })).status).toBe(403);
    expect((await member.get(`${page}/agenda/${first.id}/delete`)).status).toBe(403);
    expect((await member.post(`${page}/agenda/${first.id}/delete`)).status).toBe(403);
    expect((await rows.agenda()).map((r) => r.title)).toEqual(["First", "Second"]);
  });

  it("a member cannot reorder the agenda", async () => {
    const { second } = await withAgenda();
    const member = await as(["member"]);
    expect((await member.post(`${page}/agenda/${second.id}/move`, { direction: "up" })).status).toBe(403);
    expect((await rows.agenda()).map((r) => r.title)).toEqual(["First", "Second"]);
  });

  it("changing an item to an empty title is refused and the item keeps its title", async () => {
    const { sec, first } = await withAgenda();
    const res = await sec.post(`${page}/agenda/${first.id}`, { title: "  " });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Enter the item&#39;s title.");
    expect((await rows.agenda())[0]!.title).toBe("First");
  });

  it("a move that is neither up nor down is refused and the order stays", async () => {
    const { sec, second } = await withAgenda();
    const res = await sec.post(`${page}/agenda/${second.id}/move`, { direction: "sideways" });
    expect(res.status).toBe(422);
    expect((await rows.agenda()).map((r) => r.title)).toEqual(["First", "Second"]);
  });

  it("moving the first item up or the last down leaves the order as it is", async () => {
    const { sec, first, second } = await withAgenda();
    expect((await sec.post(`${page}/agenda/${first.id}/move`, { direction: "up" })).status).toBe(303);
    expect((await sec.post(`${page}/agenda/${second.id}/move`, { direction: "down" })).status).toBe(303);
    expect((await rows.agenda()).map((r) => [r.title, r.position])).toEqual([
      ["First", 1],
      ["Second", 2],
    ]);
  });

  it("an item of another meeting is not found through this meeting's address", async () => {
    const { sec } = await withGroupMeeting();
    await sec.post(`${twg}/agenda/new`, { title: "TWG item" });
    const [item] = await rows.agenda();
    expect((await sec.get(`${page}/agenda/${item!.id}`)).status).toBe(404);
    expect((await sec.post(`${page}/agenda/${item!.id}`, { title: "Hijacked" })).status).toBe(404);
    expect((await sec.post(`${page}/agenda/${item!.id}/delete`)).status).toBe(404);
    expect((await sec.json("PATCH", `${api}/agenda/${item!.id}`, { title: "Hijacked" })).status).toBe(404);
    expect((await rows.agenda()).map((r) => r.title)).toEqual(["TWG item"]);
  });

  it("a presenter who does not exist is refused on the presenter field", async () => {
    const sec = await planMeeting(t);
    const res = await sec.post(`${page}/agenda/new`, { title: "Item", presenterPerson: "999999" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Choose a person from the list.");
    expect((await rows.agenda()).length).toBe(0);
  });

  it("a title over 300 characters and a day-long-plus duration are refused", async () => {
    const sec = await planMeeting(t);
    const long = await sec.post(`${page}/agenda/new`, { title: "x".repeat(301) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("Use at most 300 characters.");
    const res = await sec.json("POST", `${api}/agenda`, { title: "Item", durationMinutes: 1441 });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.durationMinutes).toContain("1 to 1440");
    expect((await rows.agenda()).length).toBe(0);
  });

  it("the API names each bad field at once and stores nothing", async () => {
    const sec = await planMeeting(t);
    const res = await sec.json("POST", `${api}/agenda`, { title: "", startTime: "24:00" });
    expect(res.status).toBe(422);
    const { fields } = (await res.json()).error;
    expect(fields.title).toBe("Enter the item's title.");
    expect(fields.startTime).toContain("HH:MM");
    expect((await rows.agenda()).length).toBe(0);
  });

  it("an unknown presenter agency is refused by the API on its field", async () => {
    const sec = await planMeeting(t);
    const res = await sec.json("POST", `${api}/agenda`, { title: "Item", presenterAgency: "XYZ" });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.presenterAgency).toBe("There is no member organisation XYZ.");
    expect((await rows.agenda()).length).toBe(0);
  });

  it("a member cannot remove an item through the API", async () => {
    const { first } = await withAgenda();
    const member = await as(["member"]);
    expect((await member.json("DELETE", `${api}/agenda/${first.id}`)).status).toBe(403);
    expect((await rows.agenda()).length).toBe(2);
  });

  it("removing an item that does not exist is not found", async () => {
    const sec = await planMeeting(t);
    expect((await sec.json("DELETE", `${api}/agenda/999999`)).status).toBe(404);
    expect((await sec.post(`${page}/agenda/999999/delete`)).status).toBe(404);
  });
});

describe("presentation file rules", () => {
  const pdf = async () => ({ name: "slides.pdf", type: "application/pdf", bytes: await makePdf(["Slides"]) });

  it("an empty file is refused and nothing is attached", async () => {
    const { first } = await withAgenda();
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const res = await uploadAs(t, sec, `${page}/agenda/${first.id}/files`, {
      name: "empty.pdf",
      type: "application/pdf",
      bytes: new Uint8Array(),
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/The file is empty\.|Choose a file to upload\./);
    expect((await rows.files()).length).toBe(0);
  });

  it("a chair of another group cannot attach a file to this group's agenda", async () => {
    const { chair } = await withGroupMeeting();
    await chair.post(`${twg}/agenda/new`, { title: "TWG item" });
    const [item] = await rows.agenda();
    const other = await makePerson(t.deps, ["member", "chair"], "CNES");
    const res = await uploadAs(t, other, `${twg}/agenda/${item!.id}/files`, await pdf());
    expect(res.status).toBe(403);
    expect((await rows.files()).length).toBe(0);
  });

  it("the group's chair attaches a file; a member cannot remove it", async () => {
    const { sec } = await withGroupMeeting();
    const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
    await sec.post("/private/groups/twg/chairs", { person: String(chair.id) });
    await sec.post(`${twg}/agenda/new`, { title: "TWG item" });
    const [item] = await rows.agenda();
    expect((await uploadAs(t, chair, `${twg}/agenda/${item!.id}/files`, await pdf())).status).toBe(303);
    const [file] = await rows.files();
    const member = await as(["member", "focal_point"], "NASA");
    const del = `${twg}/agenda/${item!.id}/files/${file!.id}/delete`;
    expect((await member.get(del)).status).toBe(403);
    expect((await member.post(del)).status).toBe(403);
    expect((await rows.files()).length).toBe(1);
  });

  it("a file cannot be removed through another item's address", async () => {
    const { first, second } = await withAgenda();
    const secretariat = await makePerson(t.deps, ["secretariat"], null);
    await uploadAs(t, secretariat, `${page}/agenda/${first.id}/files`, await pdf());
    const [file] = await rows.files();
    const sec = await browser(t.deps, t.app, secretariat);
    expect((await sec.post(`${page}/agenda/${second.id}/files/${file!.id}/delete`)).status).toBe(404);
    expect((await rows.files()).length).toBe(1);
    expect((await sec.post(`${page}/agenda/${first.id}/files/${file!.id}/delete`)).status).toBe(303);
    expect((await rows.files()).length).toBe(0);
  });
});

describe("decision rules", () => {
  it("the group's chair records decisions at the group's meeting; a chair of another group cannot", async () => {
    const { chair, otherChair } = await withGroupMeeting();
    expect((await otherChair.post(`${twg}/decisions/new`, { text: "Not mine." })).status).toBe(403);
    expect((await otherChair.json("POST", `${twgApi}/decisions`, { text: "Not mine." })).status).toBe(403);
    expect((await rows.decisions()).length).toBe(0);
    expect((await chair.post(`${twg}/decisions/new`, { text: "Adopt the TWG plan." })).status).toBe(303);
    expect((await rows.decisions()).map((d) => d.text)).toEqual(["Adopt the TWG plan."]);
  });

  it("a member cannot change a decision, on the page or through the API", async () => {
    const sec = await planMeeting(t);
    await sec.post(`${page}/decisions/new`, { text: "Endorse the roadmap." });
    const member = await as(["member", "focal_point"]);
    expect((await member.get(`${page}/decisions/1`)).status).toBe(403);
    expect((await member.post(`${page}/decisions/1`, { text: "Reject it." })).status).toBe(403);
    expect((await member.json("PATCH", `${api}/decisions/1`, { text: "Reject it." })).status).toBe(403);
    expect((await rows.decisions()).map((d) => d.text)).toEqual(["Endorse the roadmap."]);
  });

  it("a decision over 10,000 characters is refused, and an edit to empty keeps the old text", async () => {
    const sec = await planMeeting(t);
    const long = await sec.post(`${page}/decisions/new`, { text: "x".repeat(10_001) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("Use at most 10,000 characters.");
    await sec.post(`${page}/decisions/new`, { text: "Endorse the roadmap." });
    const empty = await sec.post(`${page}/decisions/1`, { text: "" });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Enter the decision.");
    expect((await rows.decisions()).map((d) => d.text)).toEqual(["Endorse the roadmap."]);
  });

  it("a decision number the meeting does not have is not found", async () => {
    const sec = await planMeeting(t);
    expect((await sec.json("PATCH", `${api}/decisions/3`, { text: "Something." })).status).toBe(404);
    expect((await sec.post(`${page}/decisions/3`, { text: "Something." })).status).toBe(404);
    expect((await rows.decisions()).length).toBe(0);
  });

  it("decisions are numbered per meeting and a number never reaches another meeting's decision", async () => {
    const { sec } = await withGroupMeeting();
    await sec.post(`${page}/decisions/new`, { text: "SAM decision." });
    await sec.post(`${twg}/decisions/new`, { text: "TWG decision." });
    expect((await rows.decisions()).map((d) => d.number)).toEqual([1, 1]);
    expect((await sec.post(`${twg}/decisions/1`, { text: "TWG decision, amended." })).status).toBe(303);
    const texts = (await rows.decisions()).map((d) => d.text).sort();
    expect(texts).toEqual(["SAM decision.", "TWG decision, amended."]);
  });

  it("a visitor is refused by the decisions API", async () => {
    await planMeeting(t);
    const res = await t.app.request(`${api}/decisions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Sneaky." }),
    });
    expect(res.status).toBe(401);
    expect((await rows.decisions()).length).toBe(0);
  });
});

describe("minutes rules", () => {
  const later = {
    ...plannedMeeting,
    title: "Later SAM meeting",
    start: "2031-09-10T09:00",
    end: "2031-09-10T17:00",
  };
  const laterSlug = "2031-09-10-later-sam-meeting";

  it("a member cannot publish minutes, through the page or the API", async () => {
    await planMeeting(t);
    const member = await as(["member", "focal_point"]);
    expect((await member.get(`${page}/minutes`)).status).toBe(403);
    expect((await member.post(`${page}/minutes`, { text: "Our minutes." })).status).toBe(403);
    expect((await member.json("POST", `${api}/minutes`, { text: "Our minutes." })).status).toBe(403);
    expect((await rows.minutes()).length).toBe(0);
  });

  it("a member cannot approve the minutes", async () => {
    const sec = await planMeeting(t);
    await sec.post("/private/meetings/new", later);
    await sec.post(`${page}/minutes`, { text: "Minutes." });
    const member = await as(["member", "focal_point"]);
    expect((await member.get(`${page}/minutes/approval`)).status).toBe(403);
    expect((await member.post(`${page}/minutes/approval`, { approvingMeeting: laterSlug })).status).toBe(403);
    const res = await member.json("POST", `${api}/minutes/approval`, { approvingMeeting: laterSlug });
    expect(res.status).toBe(403);
    expect((await rows.minutes())[0]!.approvedAt).toBeNull();
  });

  it("a chair of another group cannot write the group meeting's minutes; the group's chair can", async () => {
    const { chair, otherChair } = await withGroupMeeting();
    expect((await otherChair.post(`${twg}/minutes`, { text: "Not mine." })).status).toBe(403);
    expect((await rows.minutes()).length).toBe(0);
    expect((await chair.post(`${twg}/minutes`, { text: "TWG minutes." })).status).toBe(303);
    expect((await rows.minutes()).map((v) => [v.version, v.text])).toEqual([[1, "TWG minutes."]]);
  });

  it("empty minutes are refused with a message on the text", async () => {
    const sec = await planMeeting(t);
    const res = await sec.post(`${page}/minutes`, { text: "   " });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Write the minutes.");
    const api422 = await sec.json("POST", `${api}/minutes`, { text: "" });
    expect((await api422.json()).error.fields.text).toBe("Write the minutes.");
    expect((await rows.minutes()).length).toBe(0);
  });

  it("minutes that do not exist yet cannot be approved", async () => {
    const sec = await planMeeting(t);
    await sec.post("/private/meetings/new", later);
    expect((await sec.json("POST", `${api}/minutes/approval`, { approvingMeeting: laterSlug })).status).toBe(
      404,
    );
  });

  it("approving an older version than the latest is a conflict and approves nothing", async () => {
    const sec = await planMeeting(t);
    await sec.post("/private/meetings/new", later);
    await sec.post(`${page}/minutes`, { text: "Version one." });
    await sec.post(`${page}/minutes`, { text: "Version two." });
    const res = await sec.json("POST", `${api}/minutes/approval`, {
      approvingMeeting: laterSlug,
      version: 1,
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toBe("Version 2 is the latest; approve that one.");
    expect((await rows.minutes()).every((v) => v.approvedAt === null)).toBe(true);
  });

  it("an unknown approving meeting is refused on its field", async () => {
    const sec = await planMeeting(t);
    await sec.post(`${page}/minutes`, { text: "Minutes." });
    const res = await sec.post(`${page}/minutes/approval`, { approvingMeeting: "nowhere" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Choose a meeting from the list.");
    const empty = await sec.json("POST", `${api}/minutes/approval`, { approvingMeeting: "" });
    expect((await empty.json()).error.fields.approvingMeeting).toBe(
      "Choose the meeting that approved the minutes.",
    );
    expect((await rows.minutes())[0]!.approvedAt).toBeNull();
  });

  it("a chair of another group cannot approve the group meeting's minutes", async () => {
    const { sec, chair, otherChair } = await withGroupMeeting();
    await sec.post("/private/meetings/new", later);
    await chair.post(`${twg}/minutes`, { text: "TWG minutes." });
    expect((await otherChair.post(`${twg}/minutes/approval`, { approvingMeeting: laterSlug })).status).toBe(
      403,
    );
    expect((await rows.minutes())[0]!.approvedAt).toBeNull();
    expect((await chair.post(`${twg}/minutes/approval`, { approvingMeeting: laterSlug })).status).toBe(303);
    expect((await rows.minutes())[0]!.approvedAt).not.toBeNull();
  });

  it("the minutes of a meeting that does not exist are not found", async () => {
    const sec = await planMeeting(t);
    expect((await sec.post("/private/meetings/no-such/minutes", { text: "Minutes." })).status).toBe(404);
    expect((await sec.json("POST", "/api/v1/meetings/no-such/minutes", { text: "Minutes." })).status).toBe(
      404,
    );
    expect((await rows.minutes()).length).toBe(0);
  });
});
