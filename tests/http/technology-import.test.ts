import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { technologies, technologyCapabilities, technologyNeeds } from "../../src/db/schema/index.js";
import { browser, matrixActors } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const capabilitiesCsv = [
  "agency,technology,current_trl,target_trl,target_date,note,evidence_url",
  "ESA,GER-019,4,6,2029-06-01,Rover trials,https://example.org/a",
  "ESA,GER-018,5,7,2030-01-01,,",
].join("\r\n");

const capabilityCount = async () =>
  (await t.deps.db.select({ n: count() }).from(technologyCapabilities))[0]!.n;

describe("technology import and export", () => {
  it("a dry run reports every bad row by line and field and changes nothing", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await browser(t.deps, t.app, secretariat);
    const bad = [
      "agency,technology,current_trl,target_trl,target_date,note,evidence_url",
      "ESA,GER-019,4,6,2029-06-01,,",
      "XYZ,GER-999,7,5,2029-13-01,,ftp://x",
      "ESA,GER-019,4,6,2029-06-01,,",
    ].join("\n");
    const res = await b.post("/private/technology/data", {
      kind: "capabilities",
      content: bad,
      action: "check",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("cannot be below the current TRL");
    expect(html).toContain("http:// or https://");
    expect(html).toContain("repeats line 2");
    const empty = await b.json("POST", "/api/v1/capabilities/import?dryRun=false", []);
    expect(empty.status).toBe(422);
    const report = await t.app.request("/api/v1/capabilities/import", {
      method: "POST",
      headers: { "content-type": "text/csv", cookie: "" },
      body: bad,
    });
    expect(report.status).toBe(401);
    expect(await capabilityCount()).toBe(0);
  });

  it("the API dry run lists line, field and reason; the real import is all or nothing", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await browser(t.deps, t.app, secretariat);
    const bad = `${capabilitiesCsv}\r\nESA,GER-017,8,5,2030-01-01,,`;
    const dry = await sendCsv(b, "/api/v1/capabilities/import", bad);
    expect(dry.status).toBe(200);
    const { data } = await dry.json();
    expect(data.errors).toEqual([
      { line: 4, field: "target_trl", reason: "The target TRL cannot be below the current TRL." },
    ]);
    const real = await sendCsv(b, "/api/v1/capabilities/import?dryRun=false", bad);
    expect(real.status).toBe(422);
    expect((await real.json()).report.errors).toHaveLength(1);
    expect(await capabilityCount()).toBe(0);
    const good = await sendCsv(b, "/api/v1/capabilities/import?dryRun=false", capabilitiesCsv);
    expect((await good.json()).data).toMatchObject({ created: 2, updated: 0, errors: [] });
    expect(await capabilityCount()).toBe(2);
  });

  it("a focal point imports only their own agency's capabilities", async () => {
    const { focalPoint, otherFocalPoint, member } = await matrixActors(t.deps);
    const jaxa = await browser(t.deps, t.app, otherFocalPoint);
    const res = await sendCsv(jaxa, "/api/v1/capabilities/import?dryRun=false", capabilitiesCsv);
    expect(res.status).toBe(422);
    expect((await res.json()).report.errors[0]).toMatchObject({ line: 2, field: "agency" });
    const esa = await browser(t.deps, t.app, focalPoint);
    expect((await sendCsv(esa, "/api/v1/capabilities/import?dryRun=false", capabilitiesCsv)).status).toBe(
      200,
    );
    expect(
      (await sendCsv(await browser(t.deps, t.app, member), "/api/v1/capabilities/import", capabilitiesCsv))
        .status,
    ).toBe(403);
    expect(
      (await sendCsv(esa, "/api/v1/technologies/import", "code,area,title\r\nGER-200,PROP,X Y Z")).status,
    ).toBe(403);
  });

  it("exports read back unchanged: CSV and JSON round trips for the list, capabilities and needs", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await browser(t.deps, t.app, secretariat);
    await sendCsv(b, "/api/v1/capabilities/import?dryRun=false", capabilitiesCsv);
    await b.post("/private/technology/needs/new", {
      mission: "argonaut",
      technology: "GER-018",
      trlNeeded: "6",
      neededBy: "2028-01-01",
      note: 'Says "hello", then a comma',
    });
    for (const kind of ["technologies", "capabilities", "needs"]) {
      const csv = await (await b.get(`/private/technology/data/${kind}.csv`)).text();
      const path = kind === "needs" ? "/api/v1/technology-needs/import" : `/api/v1/${kind}/import`;
      const again = await (await sendCsv(b, `${path}?dryRun=false`, csv)).json();
      expect(again.data.errors, kind).toEqual([]);
      expect(again.data.created, kind).toBe(0);
      const json = await (await b.get(`/private/technology/data/${kind}.json`)).text();
      const fromJson = await (await sendCsv(b, `${path}?dryRun=true`, json, "application/json")).json();
      expect(fromJson.data, kind).toMatchObject({ created: 0, errors: [] });
    }
    expect((await t.deps.db.select({ n: count() }).from(technologyNeeds))[0]!.n).toBe(1);
    const [n] = await t.deps.db.select().from(technologyNeeds);
    expect(n!.note).toBe('Says "hello", then a comma');
  });

  it("the page refuses a confirmed file with bad rows: 422, every problem listed by line, nothing written", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await browser(t.deps, t.app, secretariat);
    const bad = `${capabilitiesCsv}\r\nESA,GER-017,8,5,2030-01-01,,\r\nXYZ,GER-017,4,5,2030-01-01,,`;
    const res = await b.post("/private/technology/data", {
      kind: "capabilities",
      content: bad,
      action: "import",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Nothing was changed");
    expect(html).toContain("<caption>2 problems</caption>");
    expect(html).toMatch(/<td>4<\/td><td><code>target_trl<\/code><\/td>/);
    expect(html).toMatch(/<td>5<\/td><td><code>agency<\/code><\/td>/);
    expect(html).not.toContain('value="import"');
    expect(await capabilityCount()).toBe(0);
  });

  it("the secretariat imports technologies from the browser: dry run, then confirm", async () => {
    const { secretariat } = await matrixActors(t.deps);
    const b = await browser(t.deps, t.app, secretariat);
    const csv = "code,area,title,destinations\r\nGER-201,POWER,Fission surface power,lunar_surface; mars\r\n";
    const dry = await b.post("/private/technology/data", {
      kind: "technologies",
      content: csv,
      action: "check",
    });
    expect(dry.status).toBe(200);
    const html = await dry.text();
    expect(html).toContain("Import 1 technology");
    expect(await t.deps.db.select().from(technologies).where(eq(technologies.code, "GER-201"))).toHaveLength(
      0,
    );
    // The confirmation carries the checked file itself, byte for byte.
    const payload = /name="payload" value="([^"]+)"/.exec(html)![1]!;
    expect(Buffer.from(payload, "base64").toString("utf8")).toBe(csv);
    const done = await b.post("/private/technology/data", {
      kind: "technologies",
      action: "import",
      format: "csv",
      payload,
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Created 1 and updated 0 technologies.");
    const [row] = await t.deps.db.select().from(technologies).where(eq(technologies.code, "GER-201"));
    expect(row!.destinations).toEqual(["lunar_surface", "mars"]);
  });
});

async function sendCsv(
  b: Awaited<ReturnType<typeof browser>>,
  path: string,
  text: string,
  type = "text/csv",
) {
  return t.app.request(path, {
    method: "POST",
    headers: { cookie: b.cookie, "content-type": type },
    body: text,
  });
}
