import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, technologyCapabilities } from "../../src/db/schema/index.js";
import { matrixActors } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makeMatrixCapability } from "../support/technology.js";
import { capabilityForm, expectFormErrors, technologyRules } from "../support/technology-rules.js";

// Capabilities' rules tried with the wrong role, the wrong agency and bad input.
const t = useTestDatabase();
const { as, rows, capabilityRow } = technologyRules(t);

describe("capabilities: national prerogative", () => {
  it("a member (not a focal point) can neither open the form nor record a capability", async () => {
    const { member } = await matrixActors(t.deps);
    const b = await as(member);
    expect((await b.get("/private/technology/capabilities/new")).status).toBe(403);
    expect((await b.post("/private/technology/capabilities/new", capabilityForm)).status).toBe(403);
    expect(
      (await b.json("POST", "/api/v1/capabilities", { ...capabilityForm, currentTrl: 4, targetTrl: 6 }))
        .status,
    ).toBe(403);
    expect(await rows.capabilities()).toBe(0);
  });

  it("a chair who is not a focal point cannot record a capability", async () => {
    const { chair } = await matrixActors(t.deps);
    const res = await (await as(chair)).post("/private/technology/capabilities/new", {
      ...capabilityForm,
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
      (await b.post(`/private/technology/capabilities/${id}/edit`, { ...capabilityForm, targetTrl: "9" }))
        .status,
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
      ...capabilityForm,
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
      ...capabilityForm,
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
      ...capabilityForm,
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
      ...capabilityForm,
      technology: "ger-999",
    });
    await expectFormErrors(res, ["There is no technology GER-999 in the list."]);
    expect(await rows.capabilities()).toBe(0);
  });

  it("the secretariat naming an agency that is not a member is refused on the agency field", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const res = await (await as(secretariat)).post("/private/technology/capabilities/new", {
      ...capabilityForm,
      agency: "ACME",
    });
    await expectFormErrors(res, ["There is no member agency ACME."]);
    expect(await rows.capabilities()).toBe(0);
  });

  it("a second capability for the same agency and technology is refused: change the first", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    await makeMatrixCapability(t.deps);
    const res = await (await as(focalPoint)).post("/private/technology/capabilities/new", {
      ...capabilityForm,
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
    const res = await (await as(focalPoint)).post("/private/technology/capabilities/new", capabilityForm, {
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
