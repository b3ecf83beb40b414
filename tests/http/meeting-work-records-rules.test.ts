import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database.js";
import { api, meetingWork, page, twg, twgApi } from "../support/meeting-work.js";
import { planMeeting, plannedMeeting } from "../support/meetings.js";

// The rules of a meeting's decisions and minutes, tried with the wrong role, a chair of another group
// and bad input: each refusal is asserted with what must not have changed.

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const { as, rows, withGroupMeeting } = meetingWork(t);

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
