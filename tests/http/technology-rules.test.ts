import { count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  forumSettings,
  gapAssessments,
  missions,
  technologies,
  technologyAreas,
  technologyCapabilities,
  technologyNeeds,
} from "../../src/db/schema/index.js";
import type { Person } from "../../src/features/auth/actor.js";
import { loadDemoData, removeDemoData } from "../../src/features/technology/demo.seed.js";
import { browser, makePerson, matrixActors } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makeMatrixCapability, makeMatrixNeed } from "../support/technology.js";

// Each rule of the technology feature tried with the wrong role, the wrong agency and bad input.
const t = useTestDatabase();

type Client = Awaited<ReturnType<typeof browser>>;
const as = (person: Person): Promise<Client> => browser(t.deps, t.app, person);

const capability = {
  agency: "ESA",
  technology: "GER-019",
  currentTrl: "4",
  targetTrl: "6",
  targetDate: "2029-06-01",
};
const need = { mission: "argonaut", technology: "GER-018", trlNeeded: "6", neededBy: "2028-01-01" };
const element = {
  element: "Mars transit habitat",
  technology: "GER-023",
  trlNeeded: "6",
  neededBy: "2035-01-01",
};

const rows = {
  capabilities: async () => (await t.deps.db.select({ n: count() }).from(technologyCapabilities))[0]!.n,
  needs: async () => (await t.deps.db.select({ n: count() }).from(technologyNeeds))[0]!.n,
  technologies: async () => (await t.deps.db.select({ n: count() }).from(technologies))[0]!.n,
  areas: async () => (await t.deps.db.select({ n: count() }).from(technologyAreas))[0]!.n,
  assessments: async () => (await t.deps.db.select({ n: count() }).from(gapAssessments))[0]!.n,
  /** Audit entries of the technology feature: a refused write leaves none. */
  audits: async () =>
    (await t.deps.db.select({ n: count() }).from(auditLog).where(like(auditLog.action, "technology.%")))[0]!
      .n,
};
const capabilityRow = async (id: string) =>
  (
    await t.deps.db
      .select()
      .from(technologyCapabilities)
      .where(eq(technologyCapabilities.id, Number(id)))
  )[0];
const needRow = async (id: string) =>
  (
    await t.deps.db
      .select()
      .from(technologyNeeds)
      .where(eq(technologyNeeds.id, Number(id)))
  )[0];
const technology = async (code: string) =>
  (await t.deps.db.select().from(technologies).where(eq(technologies.code, code)))[0];

/** Asserts a 422 page that names every message given. */
async function expectFormErrors(res: Response, messages: string[]) {
  expect(res.status).toBe(422);
  const html = await res.text();
  for (const m of messages) expect(html, m).toContain(m);
}

describe("the Critical Technology List: only the secretariat changes it", () => {
  it("a member can neither open the form nor add a technology", async () => {
    const { member } = await matrixActors(t.deps);
    const b = await as(member);
    expect((await b.get("/private/technology/new")).status).toBe(403);
    const res = await b.post("/private/technology/new", { code: "GER-120", area: "PROP", title: "Mine" });
    expect(res.status).toBe(403);
    expect(await technology("GER-120")).toBeUndefined();
  });

  it("a chair cannot add an area", async () => {
    const { chair } = await matrixActors(t.deps);
    const before = await rows.areas();
    const res = await (await as(chair)).post("/private/technology/areas/new", { code: "NEWA", name: "New" });
    expect(res.status).toBe(403);
    expect(await rows.areas()).toBe(before);
  });

  it("a focal point cannot change a technology's title, by page or by its own agency's rights", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const before = await technology("GER-019");
    const res = await (await as(focalPoint)).post("/private/technology/GER-019/edit", {
      code: "GER-019",
      area: "ROBO",
      title: "Renamed by a focal point",
    });
    expect(res.status).toBe(403);
    expect((await technology("GER-019"))!.title).toBe(before!.title);
    expect(await rows.audits()).toBe(0);
  });

  it("a focal point cannot change an area", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const res = await (await as(focalPoint)).post("/private/technology/areas/PROP/edit", {
      code: "PROP",
      name: "Renamed",
    });
    expect(res.status).toBe(403);
    const [prop] = await t.deps.db.select().from(technologyAreas).where(eq(technologyAreas.code, "PROP"));
    expect(prop!.name).not.toBe("Renamed");
  });

  it("an empty technology form answers 422 with a message per field and adds nothing", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const before = await rows.technologies();
    const res = await (await as(secretariat)).post("/private/technology/new", {
      code: "",
      area: "",
      title: "",
    });
    await expectFormErrors(res, [
      "for example GER-019",
      "Choose the area.",
      "Enter the technology&#39;s title.",
    ]);
    expect(await rows.technologies()).toBe(before);
    expect(await rows.audits()).toBe(0);
  });

  it("an unknown area is refused with a message on the area", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const res = await (await as(secretariat)).post("/private/technology/new", {
      code: "GER-121",
      area: "NOPE",
      title: "Somewhere else",
    });
    await expectFormErrors(res, ["There is no area NOPE."]);
    expect(await technology("GER-121")).toBeUndefined();
  });

  it("a destination outside the vocabulary is refused", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const res = await (await as(secretariat)).post("/private/technology/new", {
      code: "GER-122",
      area: "PROP",
      title: "To Jupiter",
      destinations: ["jupiter"],
    });
    await expectFormErrors(res, ["Use destinations from:"]);
    expect(await technology("GER-122")).toBeUndefined();
  });

  it("renaming a technology to a code already used is refused and keeps both", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const before = await technology("GER-019");
    const res = await (await as(secretariat)).post("/private/technology/GER-019/edit", {
      code: "GER-018",
      area: "ROBO",
      title: "Clash",
    });
    await expectFormErrors(res, ["The code GER-018 is already used by another technology."]);
    expect((await technology("GER-019"))!.title).toBe(before!.title);
    expect((await technology("GER-018"))!.title).not.toBe("Clash");
  });

  it("an area needs a name and a whole-number position; a taken code is refused", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await as(secretariat);
    const before = await rows.areas();
    const bad = await b.post("/private/technology/areas/new", { code: "NEWA", name: "x", position: "first" });
    await expectFormErrors(bad, ["Enter the area&#39;s name.", "Enter a whole number."]);
    const [robo] = await t.deps.db.select().from(technologyAreas).where(eq(technologyAreas.code, "ROBO"));
    const clash = await b.post("/private/technology/areas/PROP/edit", { code: "ROBO", name: "Propulsion" });
    await expectFormErrors(clash, ["The code ROBO is already used by another area."]);
    expect(await rows.areas()).toBe(before);
    const [after] = await t.deps.db.select().from(technologyAreas).where(eq(technologyAreas.id, robo!.id));
    expect(after!.code).toBe("ROBO");
  });

  it("editing a technology that does not exist answers 404", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await as(secretariat);
    expect((await b.get("/private/technology/GER-999/edit")).status).toBe(404);
    expect(
      (await b.post("/private/technology/GER-999/edit", { code: "GER-999", area: "PROP", title: "X" }))
        .status,
    ).toBe(404);
    expect(await technology("GER-999")).toBeUndefined();
  });
});

describe("capabilities: national prerogative", () => {
  it("a member (not a focal point) can neither open the form nor record a capability", async () => {
    const { member } = await matrixActors(t.deps);
    const b = await as(member);
    expect((await b.get("/private/technology/capabilities/new")).status).toBe(403);
    expect((await b.post("/private/technology/capabilities/new", capability)).status).toBe(403);
    expect(
      (await b.json("POST", "/api/v1/capabilities", { ...capability, currentTrl: 4, targetTrl: 6 })).status,
    ).toBe(403);
    expect(await rows.capabilities()).toBe(0);
  });

  it("a chair who is not a focal point cannot record a capability", async () => {
    const { chair } = await matrixActors(t.deps);
    const res = await (await as(chair)).post("/private/technology/capabilities/new", {
      ...capability,
      agency: "NASA",
    });
    expect(res.status).toBe(403);
    expect(await rows.capabilities()).toBe(0);
  });

  it("a member of the same agency cannot change or delete its capability", async () => {
    const { member } = await matrixActors(t.deps);
    const id = await makeMatrixCapability(t.deps);
    const b = await as(member);
    expect(
      (await b.post(`/private/technology/capabilities/${id}/edit`, { ...capability, targetTrl: "9" })).status,
    ).toBe(403);
    expect((await b.json("PATCH", `/api/v1/capabilities/${id}`, { targetTrl: 9 })).status).toBe(403);
    expect((await b.json("DELETE", `/api/v1/capabilities/${id}`)).status).toBe(403);
    expect(await capabilityRow(id)).toMatchObject({ currentTrl: 4, targetTrl: 6 });
  });

  it("a focal point of another agency does not even see the delete confirmation", async () => {
    const { otherFocalPoint } = await matrixActors(t.deps);
    const id = await makeMatrixCapability(t.deps);
    expect(
      (await (await as(otherFocalPoint)).get(`/private/technology/capabilities/${id}/delete`)).status,
    ).toBe(403);
    expect(await capabilityRow(id)).toBeDefined();
  });

  it("a focal point of another agency cannot record one for ESA through the API, and ESA keeps none", async () => {
    const { otherFocalPoint } = await matrixActors(t.deps);
    const res = await (await as(otherFocalPoint)).json("POST", "/api/v1/capabilities", {
      ...capability,
      currentTrl: 4,
      targetTrl: 6,
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    expect(await rows.capabilities()).toBe(0);
  });

  it("the secretariat records a capability for any agency it names", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const res = await (await as(secretariat)).post("/private/technology/capabilities/new", {
      ...capability,
      agency: "JAXA",
    });
    expect(res.status).toBe(303);
    const [row] = await t.deps.db.select().from(technologyCapabilities);
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "technology.capability.add"));
    expect(audit!.summary).toContain("JAXA");
    expect(row).toMatchObject({ currentTrl: 4, targetTrl: 6 });
  });

  it("an empty capability form answers 422 with a message per field and records nothing", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const res = await (await as(focalPoint)).post("/private/technology/capabilities/new", {});
    await expectFormErrors(res, [
      "Choose the technology.",
      "Enter the current TRL as a number from 1 to 9.",
      "Enter the target TRL as a number from 1 to 9.",
      "Enter the target date as YYYY-MM-DD.",
    ]);
    expect(await rows.capabilities()).toBe(0);
    expect(await rows.audits()).toBe(0);
  });

  it("a TRL that is not a whole number from 1 to 9 is refused", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const res = await (await as(focalPoint)).post("/private/technology/capabilities/new", {
      ...capability,
      currentTrl: "4.5",
      targetTrl: "10",
    });
    await expectFormErrors(res, [
      "Enter the current TRL as a whole number from 1 to 9.",
      "The target TRL is a number from 1 to 9.",
    ]);
    expect(await rows.capabilities()).toBe(0);
  });

  it("a technology that is not in the list is refused on the technology field", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const res = await (await as(focalPoint)).post("/private/technology/capabilities/new", {
      ...capability,
      technology: "ger-999",
    });
    await expectFormErrors(res, ["There is no technology GER-999 in the list."]);
    expect(await rows.capabilities()).toBe(0);
  });

  it("the secretariat naming an agency that is not a member is refused on the agency field", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const res = await (await as(secretariat)).post("/private/technology/capabilities/new", {
      ...capability,
      agency: "ACME",
    });
    await expectFormErrors(res, ["There is no member agency ACME."]);
    expect(await rows.capabilities()).toBe(0);
  });

  it("a second capability for the same agency and technology is refused: change the first", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    await makeMatrixCapability(t.deps);
    const res = await (await as(focalPoint)).post("/private/technology/capabilities/new", {
      ...capability,
      currentTrl: "7",
      targetTrl: "8",
    });
    await expectFormErrors(res, ["ESA already has a capability for GER-019: change that one."]);
    const list = await t.deps.db.select().from(technologyCapabilities);
    expect(list).toHaveLength(1);
    expect(list[0]!.currentTrl).toBe(4);
  });

  it("bad input on the edit page changes nothing", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const id = await makeMatrixCapability(t.deps);
    const res = await (await as(focalPoint)).post(`/private/technology/capabilities/${id}/edit`, {
      currentTrl: "8",
      targetTrl: "3",
      targetDate: "someday",
    });
    await expectFormErrors(res, [
      "The target TRL cannot be below the current TRL.",
      "the target date as YYYY-MM-DD",
    ]);
    expect(await capabilityRow(id)).toMatchObject({ currentTrl: 4, targetTrl: 6, targetDate: "2029-06-01" });
    expect(await rows.audits()).toBe(0);
  });

  it("the API answers 422 naming each missing field and records nothing", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const res = await (await as(focalPoint)).json("POST", "/api/v1/capabilities", { agency: "ESA" });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields).sort()).toEqual(["currentTrl", "targetDate", "targetTrl", "technology"]);
    expect(await rows.capabilities()).toBe(0);
  });

  it("an API change with a TRL out of range is refused and keeps the figures", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const id = await makeMatrixCapability(t.deps);
    const res = await (await as(focalPoint)).json("PATCH", `/api/v1/capabilities/${id}`, { currentTrl: 0 });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.currentTrl).toContain("1 to 9");
    expect(await capabilityRow(id)).toMatchObject({ currentTrl: 4, targetTrl: 6 });
  });

  it("changing or deleting a capability that does not exist answers 404", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await as(secretariat);
    expect((await b.json("PATCH", "/api/v1/capabilities/999999", { targetTrl: 7 })).status).toBe(404);
    expect((await b.json("DELETE", "/api/v1/capabilities/999999")).status).toBe(404);
    expect((await b.post("/private/technology/capabilities/999999/delete")).status).toBe(404);
  });

  it("a form posted without its CSRF token is refused and records nothing", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const res = await (await as(focalPoint)).post("/private/technology/capabilities/new", capability, {
      csrf: false,
    });
    expect(res.status).toBe(403);
    expect(await rows.capabilities()).toBe(0);
  });

  it("the focal point deletes their own agency's capability, audited", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const id = await makeMatrixCapability(t.deps);
    const res = await (await as(focalPoint)).post(`/private/technology/capabilities/${id}/delete`);
    expect(res.status).toBe(303);
    expect(await capabilityRow(id)).toBeUndefined();
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "technology.capability.delete"));
    expect(audits).toHaveLength(1);
  });
});

describe("needs: the mission's lead agency, or chairs for architecture elements", () => {
  it("a member can neither open the form nor record a need", async () => {
    const { member } = await matrixActors(t.deps);
    const b = await as(member);
    expect((await b.get("/private/technology/needs/new")).status).toBe(403);
    expect((await b.post("/private/technology/needs/new", need)).status).toBe(403);
    expect(await rows.needs()).toBe(0);
  });

  it("a visitor's API write is refused with 401 and records nothing", async () => {
    const res = await t.app.request("/api/v1/technology-needs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...need, trlNeeded: 6 }),
    });
    expect(res.status).toBe(401);
    expect(await rows.needs()).toBe(0);
  });

  it("a focal point of another agency cannot change or delete a need of ESA's mission", async () => {
    const { otherFocalPoint } = await matrixActors(t.deps);
    const id = await makeMatrixNeed(t.deps);
    const b = await as(otherFocalPoint);
    expect((await b.get(`/private/technology/needs/${id}/edit`)).status).toBe(403);
    expect((await b.post(`/private/technology/needs/${id}/edit`, { ...need, trlNeeded: "9" })).status).toBe(
      403,
    );
    expect((await b.post(`/private/technology/needs/${id}/delete`)).status).toBe(403);
    expect((await b.json("PATCH", `/api/v1/technology-needs/${id}`, { trlNeeded: 9 })).status).toBe(403);
    expect((await b.json("DELETE", `/api/v1/technology-needs/${id}`)).status).toBe(403);
    expect(await needRow(id)).toMatchObject({ trlNeeded: 6 });
  });

  it("a chair cannot change a mission's need (only architecture elements)", async () => {
    const { chair } = await matrixActors(t.deps);
    const id = await makeMatrixNeed(t.deps);
    const res = await (await as(chair)).post(`/private/technology/needs/${id}/edit`, {
      ...need,
      trlNeeded: "9",
    });
    expect(res.status).toBe(403);
    expect(await needRow(id)).toMatchObject({ trlNeeded: 6 });
  });

  it("a focal point cannot delete an architecture element's need", async () => {
    const { chair, focalPoint } = await matrixActors(t.deps);
    expect((await (await as(chair)).post("/private/technology/needs/new", element)).status).toBe(303);
    const [row] = await t.deps.db.select().from(technologyNeeds);
    const res = await (await as(focalPoint)).post(`/private/technology/needs/${row!.id}/delete`);
    expect(res.status).toBe(403);
    expect(await rows.needs()).toBe(1);
  });

  it("the lead agency's focal point cannot move a need to a mission another agency leads", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const id = await makeMatrixNeed(t.deps);
    const res = await (await as(focalPoint)).post(`/private/technology/needs/${id}/edit`, {
      ...need,
      mission: "slim",
    });
    await expectFormErrors(res, ["You can only move a need to a mission your agency leads."]);
    const [argonaut] = await t.deps.db.select().from(missions).where(eq(missions.slug, "argonaut"));
    expect((await needRow(id))!.missionId).toBe(argonaut!.id);
    expect(await rows.audits()).toBe(0);
  });

  it("an empty need form answers 422 with a message per field and records nothing", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const res = await (await as(focalPoint)).post("/private/technology/needs/new", {});
    await expectFormErrors(res, [
      "Choose the technology.",
      "Enter the TRL needed as a number from 1 to 9.",
      "Enter the date it is needed by as YYYY-MM-DD.",
    ]);
    expect(await rows.needs()).toBe(0);
  });

  it("a need names a mission or an element: neither is refused on the mission field", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const { mission: _m, ...neither } = need;
    const res = await (await as(secretariat)).post("/private/technology/needs/new", neither);
    await expectFormErrors(res, ["Name either a mission or an architecture element (one of the two)."]);
    expect(await rows.needs()).toBe(0);
  });

  it("an unknown mission and an impossible date are refused", async () => {
    const { focalPoint, chair } = await matrixActors(t.deps);
    const unknown = await (await as(focalPoint)).post("/private/technology/needs/new", {
      ...need,
      mission: "nowhere",
    });
    await expectFormErrors(unknown, ["There is no mission nowhere."]);
    const date = await (await as(chair)).post("/private/technology/needs/new", {
      ...element,
      neededBy: "2030-02-30",
      trlNeeded: "0",
    });
    await expectFormErrors(date, [
      "Enter the date it is needed by as a real date (YYYY-MM-DD).",
      "The TRL needed is a number from 1 to 9.",
    ]);
    expect(await rows.needs()).toBe(0);
  });

  it("the API answers 422 naming each missing field", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const res = await (await as(secretariat)).json("POST", "/api/v1/technology-needs", {
      mission: "argonaut",
    });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(["neededBy", "technology", "trlNeeded"]);
    expect(await rows.needs()).toBe(0);
  });

  it("changing a need that does not exist answers 404", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await as(secretariat);
    expect((await b.json("PATCH", "/api/v1/technology-needs/999999", { trlNeeded: 7 })).status).toBe(404);
    expect((await b.get("/private/technology/needs/999999/edit")).status).toBe(404);
  });

  it("the lead agency's focal point changes the need, audited with before and after", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const id = await makeMatrixNeed(t.deps);
    const res = await (await as(focalPoint)).post(`/private/technology/needs/${id}/edit`, {
      ...need,
      trlNeeded: "7",
    });
    expect(res.status).toBe(303);
    expect(await needRow(id)).toMatchObject({ trlNeeded: 7 });
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "technology.need.update"));
    expect(audit!.details).toMatchObject({ before: { trlNeeded: 6 }, after: { trlNeeded: 7 } });
  });
});

describe("gap assessment reports: the secretariat's", () => {
  const form = { title: "Cryogenic fluids", slug: "cryogenic-fluids", status: "ongoing" };

  it("a member can neither open the form nor add an assessment", async () => {
    const { member } = await matrixActors(t.deps);
    const b = await as(member);
    const before = await rows.assessments();
    expect((await b.get("/private/technology/assessments/new")).status).toBe(403);
    expect((await b.post("/private/technology/assessments/new", form)).status).toBe(403);
    expect(await rows.assessments()).toBe(before);
  });

  it("a member cannot open an assessment's edit form", async () => {
    const { member } = await matrixActors(t.deps);
    expect(
      (await (await as(member)).get("/private/technology/assessments/dust-mitigation/edit")).status,
    ).toBe(403);
  });

  it("an empty assessment form answers 422 with a message per field and adds nothing", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const before = await rows.assessments();
    const res = await (await as(secretariat)).post("/private/technology/assessments/new", {
      title: "",
      slug: "Not A Slug!",
      status: "finished",
    });
    await expectFormErrors(res, [
      "Enter a title of at least 3 characters.",
      "Use lower-case letters, digits and single hyphens.",
      "Choose planned, ongoing or published.",
    ]);
    expect(await rows.assessments()).toBe(before);
  });

  it("unknown agencies and publications, and impossible dates, are refused", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await as(secretariat);
    await expectFormErrors(
      await b.post("/private/technology/assessments/new", { ...form, agencies: ["999999"] }),
      ["Choose agencies from the list."],
    );
    await expectFormErrors(
      await b.post("/private/technology/assessments/new", { ...form, publication: "999999" }),
      ["Choose a publication from the list."],
    );
    await expectFormErrors(
      await b.post("/private/technology/assessments/new", { ...form, startedOn: "2023-13" }),
      ["This date does not exist."],
    );
    const [row] = await t.deps.db
      .select()
      .from(gapAssessments)
      .where(eq(gapAssessments.slug, "cryogenic-fluids"));
    expect(row).toBeUndefined();
  });

  it("editing an assessment that does not exist answers 404", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const res = await (await as(secretariat)).post("/private/technology/assessments/nothing-here/edit", form);
    expect(res.status).toBe(404);
    expect(await rows.audits()).toBe(0);
  });

  it("bad input on the edit page keeps the assessment as it was", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const [before] = await t.deps.db
      .select()
      .from(gapAssessments)
      .where(eq(gapAssessments.slug, "dust-mitigation"));
    const res = await (await as(secretariat)).post("/private/technology/assessments/dust-mitigation/edit", {
      title: "Dust",
      slug: "dust-mitigation",
      status: "published",
      startedOn: "2024",
      endedOn: "2020",
    });
    await expectFormErrors(res, ["The end cannot be before the start.", "links to the publication"]);
    const [after] = await t.deps.db.select().from(gapAssessments).where(eq(gapAssessments.id, before!.id));
    expect(after).toEqual(before);
  });
});

describe("the public level of detail", () => {
  it("neither a chair nor a member may set it, or even see the form", async () => {
    const { chair, member } = await matrixActors(t.deps);
    for (const who of [chair, member]) {
      const b = await as(who);
      expect((await b.get("/private/technology/assessments/public-detail")).status).toBe(403);
      expect((await b.post("/private/technology/assessments/public-detail", { level: "trl" })).status).toBe(
        403,
      );
    }
    const rowsNow = await t.deps.db
      .select()
      .from(forumSettings)
      .where(eq(forumSettings.key, "technology.public"));
    expect(rowsNow).toHaveLength(0);
  });

  it("a missing level answers 422 and keeps the setting", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const res = await (await as(secretariat)).post("/private/technology/assessments/public-detail", {});
    await expectFormErrors(res, ["Choose one of the levels."]);
    expect(await rows.audits()).toBe(0);
  });
});

describe("imports: the same people as by hand", () => {
  const techCsv = "code,area,title\r\nGER-130,PROP,Imported technology";
  const send = (b: Client, path: string, text: string) =>
    t.app.request(path, {
      method: "POST",
      headers: { cookie: b.cookie, "content-type": "text/csv" },
      body: text,
    });

  it("a focal point cannot import technologies, by page or API", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const b = await as(focalPoint);
    const page = await b.post("/private/technology/data", {
      kind: "technologies",
      content: techCsv,
      action: "import",
    });
    expect(page.status).toBe(403);
    expect((await send(b, "/api/v1/technologies/import?dryRun=false", techCsv)).status).toBe(403);
    expect(await technology("GER-130")).toBeUndefined();
  });

  it("a member cannot import capabilities or needs", async () => {
    const { member } = await matrixActors(t.deps);
    const b = await as(member);
    const caps = "agency,technology,current_trl,target_trl,target_date\r\nESA,GER-019,4,6,2029-06-01";
    expect((await send(b, "/api/v1/capabilities/import?dryRun=false", caps)).status).toBe(403);
    const needs = "mission,technology,trl_needed,needed_by\r\nargonaut,GER-018,6,2028-01-01";
    expect((await send(b, "/api/v1/technology-needs/import?dryRun=false", needs)).status).toBe(403);
    expect(await rows.capabilities()).toBe(0);
    expect(await rows.needs()).toBe(0);
  });

  it("a focal point importing another agency's capability gets a row error and nothing is imported", async () => {
    const { otherFocalPoint } = await matrixActors(t.deps);
    const caps = [
      "agency,technology,current_trl,target_trl,target_date",
      "JAXA,GER-018,3,5,2030-01-01",
      "ESA,GER-019,4,6,2029-06-01",
    ].join("\r\n");
    const res = await send(await as(otherFocalPoint), "/api/v1/capabilities/import?dryRun=false", caps);
    expect(res.status).toBe(422);
    const { report } = await res.json();
    expect(report.errors).toEqual([
      { line: 3, field: "agency", reason: "You can import only your own agency's capabilities, not ESA's." },
    ]);
    expect(await rows.capabilities()).toBe(0);
  });

  it("a chair importing a mission's need gets a row error and nothing is imported", async () => {
    const { chair } = await matrixActors(t.deps);
    const needs = "mission,technology,trl_needed,needed_by\r\nargonaut,GER-018,6,2028-01-01";
    const res = await send(await as(chair), "/api/v1/technology-needs/import?dryRun=false", needs);
    expect(res.status).toBe(422);
    const { report } = await res.json();
    expect(report.errors[0]).toMatchObject({ line: 2, field: "mission" });
    expect(report.errors[0].reason).toContain("not allowed to set this need");
    expect(await rows.needs()).toBe(0);
  });

  it("the import page asks what the file holds and for its text", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await as(secretariat);
    await expectFormErrors(await b.post("/private/technology/data", { kind: "missions", content: techCsv }), [
      "Choose what the file holds.",
    ]);
    await expectFormErrors(
      await b.post("/private/technology/data", { kind: "technologies", content: "  ", action: "import" }),
      ["Choose a file or paste its text."],
    );
    expect(await technology("GER-130")).toBeUndefined();
  });

  it("a visitor cannot download the exports", async () => {
    const res = await t.app.request("/private/technology/data/capabilities.csv");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("/sign-in");
  });
});

describe("gap analysis pages", () => {
  it("a technology code that is not in the list answers 404", async () => {
    const member = await makePerson(t.deps, ["member"], "ESA");
    expect((await (await as(member)).get("/private/technology/gaps/technologies/GER-999")).status).toBe(404);
  });

  it("visitors are sent to sign in from the private heat map and its exports", async () => {
    for (const path of ["/private/technology/gaps/heatmap", "/private/technology/gaps/heatmap.csv"]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(303);
    }
  });
});

describe("the demonstration dataset: the command line's alone", () => {
  it("not even the secretariat loads or removes it as a person", async () => {
    const { secretariat } = await matrixActors(t.deps);
    await expect(loadDemoData(t.deps, secretariat)).rejects.toMatchObject({ code: "forbidden" });
    expect(await rows.capabilities()).toBe(0);
    expect(await rows.needs()).toBe(0);
    await expect(removeDemoData(t.deps, secretariat)).rejects.toMatchObject({ code: "forbidden" });
    expect(await rows.audits()).toBe(0);
  });
});
