import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { forumSettings, gapAssessments } from "../../src/db/schema/index.js";
import { deleteDemoData, loadDemoData } from "../../src/features/technology/demo.seed.js";
import { makePerson, matrixActors } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { type Client, expectFormErrors, technologyRules } from "../support/technology-rules.js";

// Assessments, the public level, imports, gap pages and demonstration data: their rules tried with
// the wrong role, the wrong agency and bad input.
const t = useTestDatabase();
const { as, rows, technology } = technologyRules(t);

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

  it("a technology in an unknown area is a row error even for the secretariat, and nothing is imported", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const csv = `${techCsv}\r\nGER-131,NOPE,Nowhere to go`;
    const res = await send(await as(secretariat), "/api/v1/technologies/import?dryRun=false", csv);
    expect(res.status).toBe(422);
    const { report } = await res.json();
    expect(report.errors).toEqual([{ line: 3, field: "area", reason: "There is no area NOPE." }]);
    expect(await technology("GER-130")).toBeUndefined();
  });

  it("a need's id that does not exist is a row error: an import never invents ids", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const needs = "id,mission,technology,trl_needed,needed_by\r\n999999,argonaut,GER-018,6,2028-01-01";
    const res = await send(await as(secretariat), "/api/v1/technology-needs/import?dryRun=false", needs);
    expect(res.status).toBe(422);
    const { report } = await res.json();
    expect(report.errors[0]).toMatchObject({ line: 2, field: "id" });
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
      ["Choose a file or paste its content."],
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
    await expect(deleteDemoData(t.deps, secretariat)).rejects.toMatchObject({ code: "forbidden" });
    expect(await rows.audits()).toBe(0);
  });
});
