import { describe, expect, it } from "vitest";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { api, meetingWork, page, twg, twgApi } from "../support/meeting-work.js";
import { planMeeting, uploadAs } from "../support/meetings.js";
import { makePdf } from "../support/pdf.js";

// The rules of a meeting's agenda and its files, tried with the wrong role, a chair of another group
// and bad input: each refusal is asserted with what must not have changed.

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const { as, rows, withGroupMeeting, withAgenda } = meetingWork(t);

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
