import { count, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  gerObjectives,
  missionObjectives,
  missionPartners,
  missionRevisions,
  missions,
  organisations,
} from "../../src/db/schema/index.js";
import {
  importMissions,
  type MissionFile,
} from "../../src/features/roadmap/import/mission-import.service.js";
import { createApiToken } from "../../src/features/tokens/tokens.service.js";
import type { Person } from "../../src/http/actor.js";
import { ImportRejected } from "../../src/kit/imports.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const importAs = async (person: Person | null, body: string, type: string, dryRun = true) => {
  const path = `/api/v1/missions/import?dryRun=${dryRun}`;
  if (!person) return t.app.request(path, { method: "POST", headers: { "content-type": type }, body });
  const b = await browser(t.deps, t.app, person);
  return t.app.request(path, { method: "POST", headers: { cookie: b.cookie, "content-type": type }, body });
};
const missionCount = async () => (await t.deps.db.select({ n: count() }).from(missions))[0]!.n;
const mission = async (slug: string) =>
  (await t.deps.db.select().from(missions).where(eq(missions.slug, slug)))[0];
const partnerAcronyms = async (missionId: number) =>
  (
    await t.deps.db
      .select({ acronym: organisations.acronym })
      .from(missionPartners)
      .innerJoin(organisations, eq(organisations.id, missionPartners.organisationId))
      .where(eq(missionPartners.missionId, missionId))
  )
    .map((r) => r.acronym)
    .sort();
const objectiveCodes = async (missionId: number) =>
  (
    await t.deps.db
      .select({ code: gerObjectives.code })
      .from(missionObjectives)
      .innerJoin(gerObjectives, eq(gerObjectives.id, missionObjectives.objectiveId))
      .where(eq(missionObjectives.missionId, missionId))
  )
    .map((r) => r.code)
    .sort();
const secretariat = () => makePerson(t.deps, ["secretariat"], null);
const csv = (...lines: string[]) => `${lines.join("\r\n")}\r\n`;
const HEADER =
  "slug,name,lead,destination,status,launch,launch_precision,end,end_precision,objectives,crewed";

describe("exports import back unchanged", () => {
  it("reads the CSV export of every mission as 54 unchanged missions", async () => {
    const file = await (await t.app.request("/roadmap/missions.csv")).text();
    const res = await importAs(await secretariat(), file, "text/csv", false);
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data).toMatchObject({
      format: "csv",
      rows: 54,
      created: [],
      updated: [],
      unchanged: 54,
      errors: [],
    });
  });

  it("reads the JSON export of every mission as 54 unchanged missions", async () => {
    const file = await (await t.app.request("/roadmap/missions.json")).text();
    const res = await importAs(await secretariat(), file, "application/json", false);
    expect((await res.json()).data).toMatchObject({ format: "json", rows: 54, unchanged: 54, errors: [] });
  });
});

describe("a dry run", () => {
  it("reports every bad row with its line, field and reason, and changes nothing", async () => {
    const before = await missionCount();
    const file = csv(
      HEADER,
      "good-one,Good One,ESA,mars,concept,2031,year,,,,false",
      "bad-agency,Bad Agency,XYZ,mars,concept,2031,year,,,,false",
      "bad-place,Bad Place,ESA,jupiter,concept,2031,year,,,,false",
      "bad-date,Bad Date,ESA,mars,concept,2031-13,month,,,,false",
      "bad-end,Bad End,ESA,mars,concept,2031,year,2030,year,,false",
      "bad-objective,Bad Objective,ESA,mars,concept,2031,year,,,Z9.9,false",
      'good-one,"Twice, again",ESA,mars,concept,2031,year,,,,false',
      "bad-bool,Bad Bool,ESA,mars,concept,2031,year,,,,maybe",
      "no-precision,No Precision,ESA,mars,concept,2031,,,,,false",
      "bad-status,Bad Status,ESA,mars,dreaming,,,,,,false",
    );
    const res = await importAs(await secretariat(), file, "text/csv");
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data.dryRun).toBe(true);
    expect(data.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, "lead"],
      [4, "destination"],
      [5, "launch"],
      [6, "end"],
      [7, "objectives"],
      [8, "slug"],
      [9, "crewed"],
      [10, "launch_precision"],
      [11, "status"],
    ]);
    const reasons = data.errors.map((e: { reason: string }) => e.reason).join("\n");
    expect(reasons).toContain('There is no member agency "XYZ"');
    expect(reasons).toContain("already used on line 2");
    expect(reasons).toContain("There is no roadmap objective Z9.9");
    expect(reasons).toContain("must not be before the launch");
    expect(data.created).toContain("good-one");
    expect(await missionCount()).toBe(before);
  });

  it("reports every bad field of a row, not only the first the schema finds", async () => {
    const file = csv(HEADER, "many,Many Problems,XYZ,jupiter,concept,2031-13,month,,,Z9.9,false");
    const { data } = await (await importAs(await secretariat(), file, "text/csv")).json();
    expect(data.errors.map((e: { field: string }) => e.field)).toEqual([
      "destination",
      "launch",
      "lead",
      "objectives",
    ]);
  });

  it("reports the file's own problems: unknown columns, unclosed quotes, bad JSON", async () => {
    const sec = await secretariat();
    const unknown = await (await importAs(sec, csv("name,colour", "A,red"), "text/csv")).json();
    expect(unknown.data.errors[0]).toMatchObject({ line: 1, field: "colour" });
    const quote = await (
      await importAs(sec, 'name,destination,status\n"Open,mars,concept\n', "text/csv")
    ).json();
    expect(quote.data.errors[0]).toMatchObject({ line: 2, field: "row" });
    const bad = await importAs(sec, "[{", "application/json");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toContain("JSON");
    const item = await (await importAs(sec, '[{"name": "X y", "colour": 1}, 3]', "application/json")).json();
    expect(item.data.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [1, "colour"],
      [1, "destination"],
      [1, "lead"],
      [1, "status"],
      [2, "row"],
    ]);
  });
});

describe("an import", () => {
  it("creates new slugs and updates existing ones, with revisions and one audit entry", async () => {
    const file = csv(
      "slug,name,lead,destination,status,launch,launch_precision,description",
      'import-lander,Import Lander,ESA,lunar_surface,concept,2032-Q2,quarter,"Two lines:\nfirst and second"',
      "argonaut,Argonaut,ESA,lunar_surface,funded,2031,year,Europe's large lunar lander.",
    );
    const res = await importAs(await secretariat(), file, "text/csv", false);
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data).toMatchObject({ created: ["import-lander"], updated: ["argonaut"], errors: [] });
    expect(await mission("import-lander")).toMatchObject({
      launchOn: "2032-04-01",
      description: "Two lines:\nfirst and second",
    });
    expect(await mission("argonaut")).toMatchObject({ status: "funded", launchOn: "2031-01-01" });
    const revisions = await t.deps.db
      .select()
      .from(missionRevisions)
      .where(eq(missionRevisions.missionId, (await mission("argonaut"))!.id));
    expect(revisions.some((r) => r.summary.includes("(import)"))).toBe(true);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "mission.import"));
    expect(audit).toHaveLength(1);
    expect(await (await t.app.request("/roadmap/missions/import-lander")).text()).toContain("Import Lander");
  });

  it("replaces an updated mission's partners, keeps its objectives when the file leaves them out, and records only what changed", async () => {
    const id = (await mission("argonaut"))!.id;
    const objectivesBefore = await objectiveCodes(id);
    const file = csv(
      "slug,name,lead,partners,destination,status",
      "argonaut,Argonaut,ESA,NASA; JAXA,lunar_surface,funded",
    );
    expect((await importAs(await secretariat(), file, "text/csv", false)).status).toBe(200);
    expect(await partnerAcronyms(id)).toEqual(["JAXA", "NASA"]);
    expect(await objectiveCodes(id)).toEqual(objectivesBefore);
    const [revision] = await t.deps.db
      .select()
      .from(missionRevisions)
      .where(eq(missionRevisions.missionId, id))
      .orderBy(desc(missionRevisions.id))
      .limit(1);
    expect(revision!.summary).toBe("Changed name, partners, status (import)");
    expect(revision!.before).toEqual({
      name: expect.stringContaining("Argonaut ("),
      partners: [],
      status: "in_formulation",
    });
    expect(revision!.after).toEqual({ name: "Argonaut", partners: ["JAXA", "NASA"], status: "funded" });

    const again = csv("slug,name,objectives", "argonaut,Argonaut,");
    expect((await importAs(await secretariat(), again, "text/csv", false)).status).toBe(200);
    expect(await objectiveCodes(id)).toEqual([]);
    expect(await partnerAcronyms(id)).toEqual(["JAXA", "NASA"]);
  });

  it("rolls back the batches already written when a bad row comes later in a long file", async () => {
    const before = await missionCount();
    const rows = Array.from({ length: 2500 }, (_, k) =>
      k === 2345
        ? `late-${k},Late ${k},ESA,mars,concept,20x1,year,,,,false`
        : `late-${k},Late ${k},ESA,mars,concept,2031,year,,,,false`,
    );
    const res = await importAs(await secretariat(), csv(HEADER, ...rows), "text/csv", false);
    expect(res.status).toBe(422);
    expect((await res.json()).report.errors).toEqual([
      expect.objectContaining({ line: 2347, field: "launch" }),
    ]);
    expect(await missionCount()).toBe(before);
    expect(await mission("late-0")).toBeUndefined();
  });

  it("changes nothing at all when one row is bad, and answers 422 with the report", async () => {
    const before = await missionCount();
    const file = csv(
      HEADER,
      "fine-one,Fine One,ESA,mars,concept,2031,year,,,,false",
      "broken,Broken,ESA,mars,concept,20x1,year,,,,false",
    );
    const res = await importAs(await secretariat(), file, "text/csv", false);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.report.errors).toEqual([expect.objectContaining({ line: 3, field: "launch" })]);
    expect(await missionCount()).toBe(before);
    expect(await mission("fine-one")).toBeUndefined();
  });
});

describe("a large file, checked in a worker thread", () => {
  const longFile = (bad?: number) =>
    csv(
      HEADER,
      "argonaut,Argonaut,ESA,lunar_surface,funded,2031,year,,,,false",
      ...Array.from({ length: 2500 }, (_, k) =>
        k === bad
          ? `far-${k},Far ${k},ESA,mars,concept,20x1,year,,,,false`
          : `far-${k},Far ${k},ESA,mars,concept,${2030 + (k % 20)},year,,,,${k % 2 === 0}`,
      ),
    );
  const run = async (file: MissionFile) => importMissions(t.deps, await secretariat(), file);

  it("reports exactly what the same check in the request's thread reports", async () => {
    const text = longFile(1234);
    const here = await run({ text, dryRun: true, offThread: false });
    const there = await run({ text, dryRun: true, offThread: true });
    expect(there).toEqual(here);
    expect(there.rows).toBe(2501);
    expect(there.errors).toEqual([expect.objectContaining({ line: 1237, field: "launch" })]);
  });

  it("writes every batch: missions, links and revisions", async () => {
    const before = await missionCount();
    const report = await run({ text: longFile(), dryRun: false, offThread: true });
    expect(report).toMatchObject({ rows: 2501, updated: ["argonaut"], errors: [] });
    expect(report.created).toHaveLength(2500);
    expect(await missionCount()).toBe(before + 2500);
    expect(await mission("far-2499")).toMatchObject({ launchOn: "2049-01-01", crewed: false });
    const revisions = await t.deps.db
      .select({ n: count() })
      .from(missionRevisions)
      .innerJoin(missions, eq(missions.id, missionRevisions.missionId))
      .where(eq(missionRevisions.summary, "Added by import"));
    expect(revisions[0]!.n).toBe(2500);
    expect(await mission("argonaut")).toMatchObject({ status: "funded" });
  });

  it("rolls back the batches already written when a late row is bad", async () => {
    const before = await missionCount();
    const failed = await run({ text: longFile(2345), dryRun: false, offThread: true }).catch((e) => e);
    expect(failed).toBeInstanceOf(ImportRejected);
    expect(failed.report.errors).toEqual([expect.objectContaining({ line: 2348, field: "launch" })]);
    expect(await missionCount()).toBe(before);
    expect(await mission("far-0")).toBeUndefined();
  });
});

describe("who may import", () => {
  it("lets a focal point import their own agency's missions, and reports others' as national prerogative", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const file = csv(
      "slug,name,lead,destination,status",
      "esa-import,ESA Import,,mars,concept",
      "artemis-3,Artemis III,NASA,lunar_surface,cancelled",
      "nasa-new,NASA New,NASA,mars,concept",
    );
    const res = await importAs(fp, file, "text/csv", false);
    expect(res.status).toBe(422);
    const { report } = await res.json();
    expect(report.errors).toHaveLength(2);
    for (const e of report.errors) expect(e.reason).toContain("national prerogative");
    expect((await mission("artemis-3"))!.status).not.toBe("cancelled");
    const own = await importAs(
      fp,
      csv("slug,name,destination,status", "esa-import,ESA Import,mars,concept"),
      "text/csv",
      false,
    );
    expect(own.status).toBe(200);
    expect((await mission("esa-import"))!.leadOrganisationId).toBe(fp.organisationId);
  });

  it("works with an agency's API token as that agency's focal point", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const { secret } = await createApiToken(t.deps, fp, { name: "Importer" });
    const send = (body: string) =>
      t.app.request("/api/v1/missions/import?dryRun=false", {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "text/csv" },
        body,
      });
    expect(
      (await send(csv("slug,name,destination,status", "token-import,Token Import,mars,concept"))).status,
    ).toBe(200);
    expect((await send(csv("slug,name,status", "artemis-3,Artemis III,cancelled"))).status).toBe(422);
  });

  it("refuses members (403) and visitors (401)", async () => {
    const file = csv("slug,name,destination,status", "x-mission,X Mission,mars,concept");
    expect((await importAs(await makePerson(t.deps, ["member"], "ESA"), file, "text/csv")).status).toBe(403);
    expect((await importAs(null, file, "text/csv")).status).toBe(401);
    expect(await mission("x-mission")).toBeUndefined();
  });
});

describe("the import page", () => {
  it("checks a pasted file, then imports it on confirmation and says what it did", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect((await b.get("/private/missions/import")).status).toBe(200);
    const checked = await b.post("/private/missions/import", {
      text: csv("slug,name,destination,status", "paste-one,Paste One,mars,concept"),
      format: "",
    });
    expect(checked.status).toBe(200);
    const html = await checked.text();
    expect(html).toContain("Ready to import");
    expect(html).toContain("Import 1 mission<");
    expect(await mission("paste-one")).toBeUndefined();
    const payload = /name="payload" value="([^"]+)"/.exec(html)![1]!;
    const done = await b.post("/private/missions/import", { step: "import", format: "csv", payload });
    expect(done.status).toBe(303);
    const summary = await (await b.get(done.headers.get("location")!)).text();
    expect(summary).toContain("1 mission added");
    expect(await mission("paste-one")).toBeDefined();
  });

  it("shows every problem in a table with 422 and keeps the form", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    const res = await b.post("/private/missions/import", {
      text: csv(
        "slug,name,destination,status",
        "bad-one,Bad One,pluto,concept",
        "bad-two,Bad Two,mars,maybe",
      ),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("2 problems");
    expect(html).toContain("<code>destination</code>");
    expect(html).toContain("<code>status</code>");
    expect((await b.post("/private/missions/import", { text: "" })).status).toBe(422);
    const json = await b.post("/private/missions/import", { text: '[{"name": "Half' });
    expect(json.status).toBe(422);
    expect(await json.text()).toContain("not valid JSON");
  });

  it("refuses a confirmed file with a bad row: 422, every problem listed by line, nothing written", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    const before = await missionCount();
    const file = csv(
      "slug,name,destination,status",
      "fine-page,Fine Page,mars,concept",
      "bad-page,Bad Page,pluto,concept",
      "worse-page,Worse Page,mars,maybe",
    );
    const payload = Buffer.from(file, "utf8").toString("base64");
    const res = await b.post("/private/missions/import", { step: "import", format: "csv", payload });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Nothing was changed");
    expect(html).toContain("<caption>2 problems</caption>");
    expect(html).toMatch(/<td>3<\/td><td><code>destination<\/code><\/td>/);
    expect(html).toMatch(/<td>4<\/td><td><code>status<\/code><\/td>/);
    expect(await missionCount()).toBe(before);
    expect(await mission("fine-page")).toBeUndefined();
  });

  it("accepts an uploaded file", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    const form = new FormData();
    form.append("_csrf", b.csrf);
    const file = csv("slug,name,destination,status", "uploaded-one,Uploaded One,mars,concept");
    form.append("file", new File([file], "missions.csv", { type: "text/csv" }));
    const res = await t.app.request("/private/missions/import", {
      method: "POST",
      headers: { cookie: b.cookie },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("1 mission to add");
  });

  it("is closed to members and sends visitors to sign in", async () => {
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    expect((await member.get("/private/missions/import")).status).toBe(403);
    expect((await t.app.request("/private/missions/import")).status).toBe(303);
  });
});
