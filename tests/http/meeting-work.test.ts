import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agendaItems, meetingRegistrations, meetings } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import {
  planMeeting,
  plannedMeeting,
  sessionCookie,
  plannedSlug as slug,
  uploadAs,
} from "../support/meetings.js";
import { makePdf } from "../support/pdf.js";

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const page = `/private/meetings/${slug}`;

const registrations = async () => (await t.deps.db.select({ n: count() }).from(meetingRegistrations))[0]!.n;
const agendaRows = async () => t.deps.db.select().from(agendaItems).orderBy(agendaItems.position);

describe("the private meeting page", () => {
  it("shows members the video link, the sections and the link to the meeting's actions; visitors sign in", async () => {
    await planMeeting(t);
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "JAXA"));
    const html = await (await member.get(page)).text();
    for (const text of ["room-4711", "Your registration", "Agenda", "Decisions", "Minutes", "Attendance"])
      expect(html).toContain(text);
    expect(html).toContain(`href="/private/actions?meeting=${slug}"`);
    expect(html).not.toContain("Add an agenda item");
    const visitor = await t.app.request(page);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("location")).toMatch(/^\/sign-in\?next=/);
    expect((await member.get("/private/meetings/no-such-meeting")).status).toBe(404);
    expect(await (await member.get("/private/meetings")).text()).toContain(`href="${page}"`);
  });
});

describe("registration", () => {
  it("a member registers in person, changes to virtual and cancels after confirming", async () => {
    await planMeeting(t);
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const res = await member.post(`${page}/registration`, { attendance: "in_person" });
    expect(res.status).toBe(303);
    expect(await (await member.get(page)).text()).toContain("You are registered (in person)");
    await member.post(`${page}/registration`, { attendance: "virtual" });
    expect(await registrations()).toBe(1);
    expect(await (await member.get(page)).text()).toContain("You are registered (virtual)");
    expect(await (await member.get(`${page}/registration/cancel`)).text()).toContain(
      "Cancel my registration",
    );
    expect((await member.post(`${page}/registration/cancel`)).status).toBe(303);
    expect(await registrations()).toBe(0);
  });

  it("in person is refused for a virtual meeting, and nonsense is refused, changing nothing", async () => {
    await planMeeting(t, { ...plannedMeeting, mode: "virtual" });
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const html = await (await member.get(page)).text();
    expect(html).not.toContain('value="in_person"');
    const res = await member.post(`${page}/registration`, { attendance: "in_person" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("can only be attended virtual");
    expect((await member.post(`${page}/registration`, { attendance: "teleport" })).status).toBe(422);
    expect(await registrations()).toBe(0);
  });

  it("registration closes when the meeting starts", async () => {
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    expect(await (await member.get("/private/meetings/2023-songdo")).text()).toContain("Registration closed");
    expect(
      (await member.post("/private/meetings/2023-songdo/registration", { attendance: "in_person" })).status,
    ).toBe(409);
    expect(await registrations()).toBe(0);
  });
});

describe("who attended", () => {
  it("managers mark registered people as attended and their agencies count", async () => {
    const sec = await planMeeting(t);
    const esa = await makePerson(t.deps, ["member"], "ESA");
    const jaxa = await makePerson(t.deps, ["member"], "JAXA");
    for (const p of [esa, jaxa])
      await (await browser(t.deps, t.app, p)).post(`${page}/registration`, { attendance: "virtual" });
    const rows = await t.deps.db.select().from(meetingRegistrations);
    const form = await (await sec.get(`${page}/registrations`)).text();
    expect(form).toContain("<legend>ESA</legend>");
    expect(form).toContain("<legend>JAXA</legend>");
    const res = await sec.post(`${page}/registrations`, { attended: rows.map((r) => String(r.id)) });
    expect(res.status).toBe(303);
    const html = await (await sec.get(page)).text();
    expect(html).toContain("2 agencies attended");
    expect(html).toContain("ESA, JAXA");
    expect(await (await t.app.request(`/meetings/${slug}`)).text()).toContain("2 agencies attended");
    expect((await sec.post(`${page}/registrations`, { attended: "999999" })).status).toBe(422);
  });

  it("members, focal points and chairs of other groups cannot mark attendance", async () => {
    await planMeeting(t);
    for (const roles of [["member"], ["member", "focal_point"], ["member", "chair"]] as const) {
      const b = await browser(t.deps, t.app, await makePerson(t.deps, [...roles], "ESA"));
      expect((await b.get(`${page}/registrations`)).status).toBe(403);
      expect((await b.post(`${page}/registrations`, {})).status).toBe(403);
    }
  });
});

describe("agenda", () => {
  it("the secretariat adds items with presenters, reorders and removes them after confirming", async () => {
    const sec = await planMeeting(t);
    const presenter = await makePerson(t.deps, ["member"], "JAXA");
    const first = await sec.post(`${page}/agenda/new`, {
      title: "JAXA exploration strategy",
      startTime: "09:30",
      durationMinutes: "45",
      presenterAgency: "JAXA",
      presenterPerson: String(presenter.id),
      notes: "Lunar surface plans.",
    });
    expect(first.status, await first.clone().text()).toBe(303);
    await sec.post(`${page}/agenda/new`, { title: "Roadmap update" });
    let rows = await agendaRows();
    expect(rows.map((r) => r.title)).toEqual(["JAXA exploration strategy", "Roadmap update"]);
    const html = await (await sec.get(page)).text();
    expect(html).toContain(`JAXA (${presenter.name})`);
    expect(html).toContain("09:30 · 45 min");
    await sec.post(`${page}/agenda/${rows[1]!.id}/move`, { direction: "up" });
    rows = await agendaRows();
    expect(rows.map((r) => r.title)).toEqual(["Roadmap update", "JAXA exploration strategy"]);
    expect((await sec.get(`${page}/agenda/${rows[0]!.id}/delete`)).status).toBe(200);
    expect((await sec.post(`${page}/agenda/${rows[0]!.id}/delete`)).status).toBe(303);
    expect((await agendaRows()).length).toBe(1);
  });

  it("bad agenda input gives 422 with a message per field and changes nothing", async () => {
    const sec = await planMeeting(t);
    const nasa = await makePerson(t.deps, ["member"], "NASA");
    const cases: Array<[Record<string, string>, string]> = [
      [{ title: "" }, "Enter the item&#39;s title."],
      [{ title: "Item", startTime: "25:00" }, "Use HH:MM"],
      [{ title: "Item", durationMinutes: "0" }, "whole minutes"],
      [{ title: "Item", presenterAgency: "XYZ" }, "There is no member organisation XYZ."],
      [{ title: "Item", presenterAgency: "ESA", presenterPerson: String(nasa.id) }, "does not represent ESA"],
    ];
    for (const [body, message] of cases) {
      const res = await sec.post(`${page}/agenda/new`, body);
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(message);
    }
    expect((await agendaRows()).length).toBe(0);
  });

  it("a chair manages the agenda of their group's meeting only; members and focal points never", async () => {
    const sec = await planMeeting(t);
    const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
    await sec.post("/private/groups/twg/chairs", { person: String(chair.id) });
    await sec.post("/private/meetings/new", {
      ...plannedMeeting,
      title: "TWG meeting",
      kind: "group_meeting",
      group: "twg",
    });
    const b = await browser(t.deps, t.app, chair);
    expect(
      (await b.post("/private/meetings/2031-03-29-twg-meeting/agenda/new", { title: "TWG work" })).status,
    ).toBe(303);
    expect((await b.post(`${page}/agenda/new`, { title: "Not mine" })).status).toBe(403);
    for (const roles of [["member"], ["member", "focal_point"]] as const) {
      const other = await browser(t.deps, t.app, await makePerson(t.deps, [...roles], "ESA"));
      expect((await other.post(`${page}/agenda/new`, { title: "Sneaky" })).status).toBe(403);
    }
    expect((await agendaRows()).map((r) => r.title)).toEqual(["TWG work"]);
  });
});

describe("agenda files", () => {
  async function itemWithFile() {
    const sec = await planMeeting(t);
    const secretariat = await makePerson(t.deps, ["secretariat"], null);
    await sec.post(`${page}/agenda/new`, { title: "ESA strategy" });
    const [item] = await agendaRows();
    const pdf = await makePdf(["ESA strategy slides"]);
    const res = await uploadAs(t, secretariat, `${page}/agenda/${item!.id}/files`, {
      name: "esa strategy.pdf",
      type: "application/pdf",
      bytes: pdf,
    });
    expect(res.status, await res.clone().text()).toBe(303);
    return { sec, secretariat, item: item!, pdf };
  }

  it("a PDF is served to members only, with its type, a private cache header, ETag and ranges", async () => {
    const { pdf } = await itemWithFile();
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "CSA"));
    const html = await (await member.get(page)).text();
    const href = /href="(\/private\/meetings\/[^"]+\/files\/\d+)"/.exec(html)![1]!;
    const res = await member.get(href);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("content-disposition")).toContain('inline; filename="esa strategy.pdf"');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(pdf));
    const visitor = await t.app.request(href);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("location")).toMatch(/^\/sign-in/);
    const cookie = await sessionCookie(t, await makePerson(t.deps, ["member"], "CSA"));
    const etag = res.headers.get("etag")!;
    expect((await t.app.request(href, { headers: { cookie, "if-none-match": etag } })).status).toBe(304);
    const part = await t.app.request(href, { headers: { cookie, range: "bytes=0-4" } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe("%PDF-");
  });

  it("refuses other file types and files whose content is not what their name says", async () => {
    const { secretariat, item } = await itemWithFile();
    const path = `${page}/agenda/${item.id}/files`;
    const exe = await uploadAs(t, secretariat, path, {
      name: "run.exe",
      type: "application/octet-stream",
      bytes: new Uint8Array([77, 90, 1]),
    });
    expect(exe.status).toBe(422);
    expect(await exe.text()).toContain("Upload a PDF or a presentation");
    const fake = await uploadAs(t, secretariat, path, {
      name: "slides.pptx",
      type: "application/zip",
      bytes: new TextEncoder().encode("hello"),
    });
    expect(fake.status).toBe(422);
    expect(await fake.text()).toContain("is not really a .pptx file");
    const pptx = await uploadAs(t, secretariat, path, {
      name: "slides.pptx",
      type: "",
      bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]),
    });
    expect(pptx.status).toBe(303);
    const [row] = await agendaRows();
    expect(row).toBeDefined();
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "CSA"));
    const html = await (await member.get(page)).text();
    expect(html).toContain("slides.pptx");
  });

  it("a member cannot upload, and a file of another meeting is not found through this one", async () => {
    const { item } = await itemWithFile();
    const member = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const res = await uploadAs(t, member, `${page}/agenda/${item.id}/files`, {
      name: "x.pdf",
      type: "application/pdf",
      bytes: await makePdf(["x"]),
    });
    expect(res.status).toBe(403);
    const [m] = await t.deps.db.select().from(meetings).where(eq(meetings.slug, slug));
    const b = await browser(t.deps, t.app, member);
    const html = await (await b.get(page)).text();
    const id = /\/files\/(\d+)"/.exec(html)![1];
    expect(m).toBeDefined();
    expect((await b.get(`/private/meetings/2023-songdo/files/${id}`)).status).toBe(404);
  });
});
