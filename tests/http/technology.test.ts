import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  organisations,
  technologies,
  technologyCapabilities,
  technologyNeeds,
} from "../../src/db/schema/index.js";
import { deleteDemoData, loadDemoData } from "../../src/features/technology/demo.seed.js";
import { loadGapInputs } from "../../src/features/technology/technology.queries.js";
import { systemActor } from "../../src/http/actor.js";
import { browser, makePerson, matrixActors } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const capability = {
  agency: "ESA",
  technology: "GER-019",
  currentTrl: "4",
  targetTrl: "6",
  targetDate: "2029-06-01",
  note: "Ground tests with a rover.",
  evidenceUrl: "https://example.org/report",
};

/** The capability as the API takes it: numbers for TRLs. */
const capabilityJson = { ...capability, currentTrl: 4, targetTrl: 6 };

const orgId = async (acronym: string) =>
  (await t.deps.db.select().from(organisations).where(eq(organisations.acronym, acronym)))[0]!.id;
const capabilityCount = async () =>
  (await t.deps.db.select({ n: count() }).from(technologyCapabilities))[0]!.n;

describe("the Critical Technology List", () => {
  it("is seeded with areas and GER codes, the last visible entry marked uncertain", async () => {
    const rows = await t.deps.db.select().from(technologies);
    expect(rows.map((r) => r.code)).toContain("GER-019");
    const last = rows.find((r) => r.code === "GER-023")!;
    expect(last.uncertain).toBe(true);
    expect(last.uncertainNote).toBeTruthy();
    const inputs = await loadGapInputs(t.deps);
    expect(inputs.capabilities).toEqual([]);
    expect(inputs.needs).toEqual([]);
  });

  it("members read it; visitors are sent to sign in", async () => {
    const { member } = await matrixActors(t.deps);
    const res = await (await browser(t.deps, t.app, member)).get("/private/technology");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("GER-019");
    expect(html).toContain("Robotics and human-robot interaction");
    expect(html).not.toContain("Add a technology");
    const anon = await t.app.request("/private/technology");
    expect(anon.status).toBe(303);
  });

  it("the secretariat adds a technology; bad or duplicate codes are refused with a message", async () => {
    const { secretariat, focalPoint } = await matrixActors(t.deps);
    const b = await browser(t.deps, t.app, secretariat);
    const ok = await b.post("/private/technology/new", {
      code: "ger-101",
      area: "PROP",
      title: "Nuclear thermal propulsion",
      destinations: ["mars"],
    });
    expect(ok.status).toBe(303);
    const [row] = await t.deps.db.select().from(technologies).where(eq(technologies.code, "GER-101"));
    expect(row!.destinations).toEqual(["mars"]);
    const bad = await b.post("/private/technology/new", { code: "G19", area: "PROP", title: "Bad code" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("pattern");
    const dup = await b.post("/private/technology/new", {
      code: "GER-019",
      area: "PROP",
      title: "Duplicate",
    });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain("already used");
    const area = await b.post("/private/technology/areas/new", { code: "prop", name: "Again" });
    expect(area.status).toBe(422);
    const fp = await (await browser(t.deps, t.app, focalPoint)).post("/private/technology/new", {
      code: "GER-102",
      area: "PROP",
      title: "Not mine to add",
    });
    expect(fp.status).toBe(403);
  });
});

describe("capabilities", () => {
  it("a focal point records their agency's capability, audited; members of other agencies read it", async () => {
    const { focalPoint, otherFocalPoint } = await matrixActors(t.deps);
    const res = await (await browser(t.deps, t.app, focalPoint)).post(
      "/private/technology/capabilities/new",
      capability,
    );
    expect(res.status).toBe(303);
    const [row] = await t.deps.db.select().from(technologyCapabilities);
    expect(row).toMatchObject({
      currentTrl: 4,
      targetTrl: 6,
      demo: false,
      organisationId: await orgId("ESA"),
    });
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "technology.capability.add"));
    expect(audit!.agencyAcronym).toBe("ESA");
    const list = await (await browser(t.deps, t.app, otherFocalPoint)).get(
      "/private/technology/capabilities",
    );
    const html = await list.text();
    expect(html).toContain("GER-019");
    expect(html).not.toContain(`/private/technology/capabilities/${row!.id}/edit`);
  });

  it("a focal point of another agency cannot record or change ESA's capability by page or API", async () => {
    const { focalPoint, otherFocalPoint } = await matrixActors(t.deps);
    await (await browser(t.deps, t.app, focalPoint)).post("/private/technology/capabilities/new", capability);
    const [row] = await t.deps.db.select().from(technologyCapabilities);
    const jaxa = await browser(t.deps, t.app, otherFocalPoint);
    expect((await jaxa.get(`/private/technology/capabilities/${row!.id}/edit`)).status).toBe(403);
    expect((await jaxa.post(`/private/technology/capabilities/${row!.id}/edit`, capability)).status).toBe(
      403,
    );
    expect((await jaxa.post(`/private/technology/capabilities/${row!.id}/delete`)).status).toBe(403);
    expect(
      (await jaxa.json("PATCH", `/api/v1/capabilities/${row!.id}`, { currentTrl: 9, targetTrl: 9 })).status,
    ).toBe(403);
    expect((await jaxa.json("DELETE", `/api/v1/capabilities/${row!.id}`)).status).toBe(403);
    const posted = await jaxa.json("POST", "/api/v1/capabilities", {
      ...capabilityJson,
      technology: "GER-018",
    });
    expect(posted.status).toBe(403);
    // Through the form the agency field is replaced by the focal point's own agency.
    await jaxa.post("/private/technology/capabilities/new", { ...capability, technology: "GER-018" });
    const esaRows = await t.deps.db
      .select()
      .from(technologyCapabilities)
      .where(eq(technologyCapabilities.organisationId, await orgId("ESA")));
    expect(esaRows).toHaveLength(1);
    expect(esaRows[0]!.currentTrl).toBe(4);
  });

  it("bad input changes nothing and names each field", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    const b = await browser(t.deps, t.app, focalPoint);
    const res = await b.post("/private/technology/capabilities/new", {
      ...capability,
      currentTrl: "7",
      targetTrl: "5",
      targetDate: "2029-02-30",
      evidenceUrl: "javascript:alert(1)",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("cannot be below the current TRL");
    expect(html).toContain("real date");
    expect(html).toContain("http:// or https://");
    const api = await b.json("POST", "/api/v1/capabilities", { ...capabilityJson, currentTrl: 10 });
    expect(api.status).toBe(422);
    expect((await api.json()).error.fields.currentTrl).toContain("1 to 9");
    expect(await capabilityCount()).toBe(0);
  });

  it("visitors get 401 from the API and never see TRLs", async () => {
    expect((await t.app.request("/api/v1/capabilities")).status).toBe(401);
    expect((await t.app.request("/api/v1/technology-needs")).status).toBe(401);
    const list = await t.app.request("/api/v1/technologies");
    expect(list.status).toBe(200);
    expect(JSON.stringify(await list.json())).not.toContain("Trl");
  });

  it("the API reads and writes with the same rules", async () => {
    const { focalPoint, member } = await matrixActors(t.deps);
    const b = await browser(t.deps, t.app, focalPoint);
    const created = await b.json("POST", "/api/v1/capabilities", { ...capabilityJson, currentTrl: 3 });
    expect(created.status).toBe(201);
    const { data } = await created.json();
    const patched = await b.json("PATCH", `/api/v1/capabilities/${data.id}`, { targetTrl: 8 });
    expect((await patched.json()).data).toMatchObject({ currentTrl: 3, targetTrl: 8, agency: "ESA" });
    const read = await (await browser(t.deps, t.app, member)).json("GET", "/api/v1/capabilities?agency=esa");
    expect((await read.json()).data).toHaveLength(1);
    expect((await b.json("DELETE", `/api/v1/capabilities/${data.id}`)).status).toBe(204);
    expect(await capabilityCount()).toBe(0);
  });
});

describe("needs", () => {
  it("the lead agency's focal point records a mission's need; another agency's cannot", async () => {
    const { focalPoint, otherFocalPoint, chair } = await matrixActors(t.deps);
    const need = { mission: "argonaut", technology: "GER-018", trlNeeded: "6", neededBy: "2028-01-01" };
    expect(
      (await (await browser(t.deps, t.app, otherFocalPoint)).post("/private/technology/needs/new", need))
        .status,
    ).toBe(403);
    expect(
      (await (await browser(t.deps, t.app, chair)).post("/private/technology/needs/new", need)).status,
    ).toBe(403);
    const ok = await (await browser(t.deps, t.app, focalPoint)).post("/private/technology/needs/new", need);
    expect(ok.status).toBe(303);
    const rows = await t.deps.db.select().from(technologyNeeds);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.trlNeeded).toBe(6);
  });

  it("chairs record an architecture element's need; a mission and an element at once is refused", async () => {
    const { chair, focalPoint } = await matrixActors(t.deps);
    const element = {
      element: "Mars transit habitat",
      technology: "GER-023",
      trlNeeded: "6",
      neededBy: "2035-01-01",
    };
    expect(
      (await (await browser(t.deps, t.app, chair)).post("/private/technology/needs/new", element)).status,
    ).toBe(303);
    expect(
      (await (await browser(t.deps, t.app, focalPoint)).post("/private/technology/needs/new", element))
        .status,
    ).toBe(403);
    const both = await (await browser(t.deps, t.app, chair)).post("/private/technology/needs/new", {
      ...element,
      mission: "argonaut",
    });
    expect(both.status).toBe(422);
    expect((await t.deps.db.select({ n: count() }).from(technologyNeeds))[0]!.n).toBe(1);
  });
});

describe("the demonstration dataset", () => {
  it("loads deterministically, is labelled on every page showing it, and never mixes with real records", async () => {
    const cli = systemActor("test");
    const first = await loadDemoData(t.deps, cli);
    expect(first.capabilities).toBeGreaterThan(10);
    expect(first.needs).toBeGreaterThan(5);
    const demoRows = await t.deps.db.select().from(technologyCapabilities);
    const again = await loadDemoData(t.deps, cli);
    expect(again).toEqual(first);
    const reloaded = await t.deps.db.select().from(technologyCapabilities);
    const strip = (rows: typeof demoRows) =>
      rows
        .map(({ id: _i, updatedAt: _u, ...r }) => r)
        .sort((a, b) => a.technologyId - b.technologyId || a.organisationId - b.organisationId);
    expect(strip(reloaded)).toEqual(strip(demoRows));
    expect((await loadGapInputs(t.deps)).capabilities).toEqual([]);
    expect((await loadGapInputs(t.deps, { dataset: "demo" })).capabilities.length).toBe(first.capabilities);

    const member = await makePerson(t.deps, ["member"], "ESA");
    const b = await browser(t.deps, t.app, member);
    const real = await (await b.get("/private/technology/capabilities")).text();
    expect(real).toContain('href="/private/technology/capabilities?dataset=demo"');
    expect(real).not.toContain("Demonstration data, not agency figures.");
    expect(real).toContain("No capability is recorded here yet.");
    for (const path of [
      "/private/technology",
      "/private/technology/capabilities",
      "/private/technology/needs",
      "/private/technology/GER-019",
    ]) {
      const html = await (await b.get(`${path}?dataset=demo`)).text();
      expect(html, path).toContain("Demonstration data, not agency figures.");
    }
    const api = await (await b.json("GET", "/api/v1/capabilities?dataset=demo")).json();
    expect(api.demo).toBe(true);
    // Demo rows cannot be edited as if they were an agency's.
    const secretariat = await makePerson(t.deps, ["secretariat"], null);
    const s = await browser(t.deps, t.app, secretariat);
    expect((await s.get(`/private/technology/capabilities/${demoRows[0]!.id}/edit`)).status).toBe(404);
    // Exports hold real records only.
    expect(await (await b.get("/private/technology/data/capabilities.json")).json()).toEqual([]);

    await deleteDemoData(t.deps, cli);
    expect(await capabilityCount()).toBe(0);
    const after = await (await b.get("/private/technology/capabilities")).text();
    expect(after).not.toContain("dataset=demo");
  });

  it("removing the demonstration set keeps real records", async () => {
    const { focalPoint } = await matrixActors(t.deps);
    await (await browser(t.deps, t.app, focalPoint)).post("/private/technology/capabilities/new", capability);
    await loadDemoData(t.deps, systemActor("test"));
    await deleteDemoData(t.deps, systemActor("test"));
    const rows = await t.deps.db
      .select()
      .from(technologyCapabilities)
      .where(and(eq(technologyCapabilities.demo, false)));
    expect(rows).toHaveLength(1);
  });
});
