import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { technologyAreas } from "../../src/db/schema/index.js";
import { matrixActors } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { expectFormErrors, technologyRules } from "../support/technology-rules.js";

// The Critical Technology List's rules tried with the wrong role and bad input.
const t = useTestDatabase();
const { as, rows, technology } = technologyRules(t);

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

  it("editing an area that does not exist answers 404 and adds none", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const before = await rows.areas();
    const res = await (await as(secretariat)).post("/private/technology/areas/NOPE/edit", {
      code: "NOPE",
      name: "Nowhere",
    });
    expect(res.status).toBe(404);
    expect(await rows.areas()).toBe(before);
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
