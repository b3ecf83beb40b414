import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, missions, technologyNeeds } from "../../src/db/schema/index.js";
import { matrixActors } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makeMatrixNeed } from "../support/technology.js";
import { elementForm, expectFormErrors, needForm, technologyRules } from "../support/technology-rules.js";

// Needs' rules tried with the wrong role, the wrong agency and bad input.
const t = useTestDatabase();
const { as, rows, needRow } = technologyRules(t);

describe("needs: the mission's lead agency, or chairs for architecture elements", () => {
  it("a member can neither open the form nor record a need", async () => {
    const { member } = await matrixActors(t.deps);
    const b = await as(member);
    expect((await b.get("/private/technology/needs/new")).status).toBe(403);
    expect((await b.post("/private/technology/needs/new", needForm)).status).toBe(403);
    expect(await rows.needs()).toBe(0);
  });

  it("a visitor's API write is refused with 401 and records nothing", async () => {
    const res = await t.app.request("/api/v1/technology-needs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...needForm, trlNeeded: 6 }),
    });
    expect(res.status).toBe(401);
    expect(await rows.needs()).toBe(0);
  });

  it("a focal point of another agency cannot change or delete a need of ESA's mission", async () => {
    const { otherFocalPoint } = await matrixActors(t.deps);
    const id = await makeMatrixNeed(t.deps);
    const b = await as(otherFocalPoint);
    expect((await b.get(`/private/technology/needs/${id}/edit`)).status).toBe(403);
    expect(
      (await b.post(`/private/technology/needs/${id}/edit`, { ...needForm, trlNeeded: "9" })).status,
    ).toBe(403);
    expect((await b.post(`/private/technology/needs/${id}/delete`)).status).toBe(403);
    expect((await b.json("PATCH", `/api/v1/technology-needs/${id}`, { trlNeeded: 9 })).status).toBe(403);
    expect((await b.json("DELETE", `/api/v1/technology-needs/${id}`)).status).toBe(403);
    expect(await needRow(id)).toMatchObject({ trlNeeded: 6 });
  });

  it("a chair cannot change a mission's need (only architecture elements)", async () => {
    const { chair } = await matrixActors(t.deps);
    const id = await makeMatrixNeed(t.deps);
    const res = await (await as(chair)).post(`/private/technology/needs/${id}/edit`, {
      ...needForm,
      trlNeeded: "9",
    });
    expect(res.status).toBe(403);
    expect(await needRow(id)).toMatchObject({ trlNeeded: 6 });
  });

  it("a focal point cannot delete an architecture element's need", async () => {
    const { chair, focalPoint } = await matrixActors(t.deps);
    expect((await (await as(chair)).post("/private/technology/needs/new", elementForm)).status).toBe(303);
    const [row] = await t.deps.db.select().from(technologyNeeds);
    const res = await (await as(focalPoint)).post(`/private/technology/needs/${row!.id}/delete`);
    expect(res.status).toBe(403);
    expect(await rows.needs()).toBe(1);
  });

  it("the lead agency's focal point cannot move a need to a mission another agency leads", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const id = await makeMatrixNeed(t.deps);
    const res = await (await as(focalPoint)).post(`/private/technology/needs/${id}/edit`, {
      ...needForm,
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
    const { mission: _m, ...neither } = needForm;
    const res = await (await as(secretariat)).post("/private/technology/needs/new", neither);
    await expectFormErrors(res, ["Name either a mission or an architecture element (one of the two)."]);
    expect(await rows.needs()).toBe(0);
  });

  it("an unknown mission and an impossible date are refused", async () => {
    const { focalPoint, chair } = await matrixActors(t.deps);
    const unknown = await (await as(focalPoint)).post("/private/technology/needs/new", {
      ...needForm,
      mission: "nowhere",
    });
    await expectFormErrors(unknown, ["There is no mission nowhere."]);
    const date = await (await as(chair)).post("/private/technology/needs/new", {
      ...elementForm,
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

  it("through the API too, a need cannot be moved to a mission another agency leads", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const id = await makeMatrixNeed(t.deps);
    const res = await (await as(focalPoint)).json("PATCH", `/api/v1/technology-needs/${id}`, {
      mission: "mmx",
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.mission).toContain("a mission your agency leads");
    const [argonaut] = await t.deps.db.select().from(missions).where(eq(missions.slug, "argonaut"));
    expect((await needRow(id))!.missionId).toBe(argonaut!.id);
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
      ...needForm,
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
