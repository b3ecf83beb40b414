import { describe, expect, it } from "vitest";
import { meetingRegistrations } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { api, meetingWork, page, past, twg, twgApi, twgSlug } from "../support/meeting-work.js";
import { planMeeting, plannedMeeting, plannedSlug as slug } from "../support/meetings.js";

// The rules of a meeting's registration and attendance, tried with the wrong role, a chair of another group
// and bad input: each refusal is asserted with what must not have changed.

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const { as, rows, meetingId, attendanceCount, withGroupMeeting } = meetingWork(t);

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

  it("a bad attendance form on a meeting nobody registered for is refused, saying why", async () => {
    const sec = await planMeeting(t);
    const res = await sec.post(`${page}/registrations`, { attended: "abc" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Choose registrations from the list.");
    expect(html).toContain("Nobody has registered yet");
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
