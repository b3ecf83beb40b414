import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { groupChairs, workingGroups } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });

async function as(roles: Parameters<typeof makePerson>[1], org: string | null = "ESA") {
  const person = await makePerson(t.deps, roles, org);
  return { person, b: await browser(t.deps, t.app, person) };
}
async function chairOf(slug: string) {
  const chair = await as(["member", "chair"], "NASA");
  const [g] = await t.deps.db.select().from(workingGroups).where(eq(workingGroups.slug, slug));
  await t.deps.db.insert(groupChairs).values({ groupId: g!.id, personId: chair.person.id });
  return chair.b;
}
const meeting = {
  title: "API planned meeting",
  kind: "sam_meeting",
  start: "2031-03-31T09:00",
  end: "2031-03-31T17:00",
  timeZone: "Europe/Paris",
  mode: "hybrid",
  public: true,
};
const action = { title: "Send the draft", ownerAgency: "ESA", due: "2031-02-01" };

describe("meetings API writes", () => {
  it("the secretariat plans and changes a meeting; times are local to its zone", async () => {
    const { b } = await as(["secretariat"], null);
    const res = await b.json("POST", "/api/v1/meetings", meeting);
    expect(res.status, await res.clone().text()).toBe(201);
    const { data } = await res.json();
    expect(data.start).toBe("2031-03-31T07:00:00.000Z");
    const patched = await b.json("PATCH", `/api/v1/meetings/${data.slug}`, {
      place: "Paris",
      end: "2031-03-31T18:00",
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect((await patched.json()).data.end).toBe("2031-03-31T16:00:00.000Z");
  });

  it("a chair plans their group's meetings only; members cannot; visitors get 401; bad input 422", async () => {
    const chair = await chairOf("swg");
    expect(
      (await chair.json("POST", "/api/v1/meetings", { ...meeting, kind: "group_meeting", group: "swg" }))
        .status,
    ).toBe(201);
    expect(
      (await chair.json("POST", "/api/v1/meetings", { ...meeting, kind: "group_meeting", group: "twg" }))
        .status,
    ).toBe(403);
    expect((await chair.json("PATCH", "/api/v1/meetings/2023-songdo", { place: "Elsewhere" })).status).toBe(
      403,
    );
    const { b: member } = await as(["member"]);
    expect((await member.json("POST", "/api/v1/meetings", meeting)).status).toBe(403);
    expect(
      (
        await t.app.request("/api/v1/meetings", {
          method: "POST",
          body: JSON.stringify(meeting),
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(401);
    const { b: sec } = await as(["secretariat"], null);
    const bad = await sec.json("POST", "/api/v1/meetings", { ...meeting, timeZone: "Mars/Olympus" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.timeZone).toContain("not a known time zone");
  });
});

describe("actions API", () => {
  it("raise, list by agency, record an owner's update, and read the history", async () => {
    const { b: sec } = await as(["secretariat"], null);
    const created = await sec.json("POST", "/api/v1/actions", action);
    expect(created.status, await created.clone().text()).toBe(201);
    const { number } = (await created.json()).data;
    const { b: fp } = await as(["member", "focal_point"]);
    const list = await (await fp.json("GET", "/api/v1/actions")).json();
    expect(list.data.map((a: { number: number }) => a.number)).toContain(number);
    const { b: jaxa } = await as(["member"], "JAXA");
    expect((await (await jaxa.json("GET", "/api/v1/actions")).json()).total).toBe(0);
    expect((await (await jaxa.json("GET", "/api/v1/actions?agency=all")).json()).total).toBe(1);
    const upd = await fp.json("POST", `/api/v1/actions/${number}/updates`, {
      status: "closed",
      note: "Done.",
    });
    expect(upd.status, await upd.clone().text()).toBe(201);
    const one = (await (await fp.json("GET", `/api/v1/actions/${number}`)).json()).data;
    expect(one.status).toBe("closed");
    expect(one.history.map((h: { to: string }) => h.to)).toEqual(["open", "closed"]);
  });

  it("refuses the wrong role, the wrong agency, visitors and bad input", async () => {
    const { b: sec } = await as(["secretariat"], null);
    const { number } = (await (await sec.json("POST", "/api/v1/actions", action)).json()).data;
    const { b: member } = await as(["member"]);
    expect((await member.json("POST", "/api/v1/actions", action)).status).toBe(403);
    expect((await member.json("PATCH", `/api/v1/actions/${number}`, { title: "Mine now" })).status).toBe(403);
    const { b: other } = await as(["member", "focal_point"], "JAXA");
    expect((await other.json("POST", `/api/v1/actions/${number}/updates`, { status: "closed" })).status).toBe(
      403,
    );
    expect((await t.app.request("/api/v1/actions")).status).toBe(401);
    const bad = await sec.json("POST", "/api/v1/actions", { title: "x", due: "tomorrow" });
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).error.fields;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["title", "due", "ownerAgency"]));
    const patched = await sec.json("PATCH", `/api/v1/actions/${number}`, { due: "2031-04-01" });
    expect((await patched.json()).data.due).toBe("2031-04-01");
    expect((await sec.json("GET", "/api/v1/actions/99999")).status).toBe(404);
  });
});

describe("workplan API", () => {
  it("a group's chair adds and changes deliverables and outlooks; anyone reads them; others are refused", async () => {
    const chair = await chairOf("swg");
    const res = await chair.json("POST", "/api/v1/groups/swg/workplan", {
      title: "Paper",
      status: "planned",
      due: "2031-06-30",
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()).data;
    const patched = await chair.json("PATCH", `/api/v1/groups/swg/workplan/${id}`, {
      status: "done",
      link: "https://example.org/paper",
    });
    expect((await patched.json()).data).toMatchObject({
      status: "done",
      link: "https://example.org/paper",
      due: "2031-06-30",
    });
    expect(
      (
        await chair.json("PUT", "/api/v1/groups/swg/outlooks/2031", {
          body: "What the group plans this year.",
        })
      ).status,
    ).toBe(200);
    const pub = await (await t.app.request("/api/v1/groups/swg/workplan")).json();
    expect(pub.data.deliverables).toHaveLength(1);
    expect(pub.data.outlooks[0].year).toBe(2031);
    const other = await chairOf("twg");
    expect(
      (await other.json("POST", "/api/v1/groups/swg/workplan", { title: "Not mine", status: "planned" }))
        .status,
    ).toBe(403);
    const bad = await chair.json("POST", "/api/v1/groups/swg/workplan", {
      title: "",
      status: "planned",
      due: "2031-02-30",
    });
    expect(bad.status).toBe(422);
  });
});

describe("the OpenAPI document", () => {
  it("describes the new write routes", async () => {
    const doc = await (await t.app.request("/api/openapi.json")).json();
    expect(Object.keys(doc.paths["/meetings"])).toEqual(expect.arrayContaining(["get", "post"]));
    expect(doc.paths["/meetings/{slug}"].patch).toBeDefined();
    expect(doc.paths["/actions/{number}/updates"].post).toBeDefined();
    expect(doc.paths["/groups/{slug}/workplan/{id}"].patch).toBeDefined();
    expect(doc.paths["/groups/{slug}/outlooks/{year}"].put).toBeDefined();
  });
});
