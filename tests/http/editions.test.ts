import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { gerEditionMissions, gerEditions } from "../../src/db/schema/index.js";
import { browser, matrixActors } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const argonautForm = {
  name: "Argonaut (European Large Logistics Lander)",
  destination: "lunar_surface",
  status: "in_formulation",
  launch: "2030",
  launchPrecision: "year",
};

/** The secretariat freezes the current plans and publishes them as "Edition 2030". */
async function freezeAndPublish() {
  const actors = await matrixActors(t.deps);
  const sec = await browser(t.deps, t.app, actors.secretariat);
  const frozen = await sec.post("/private/editions", { name: "Edition 2030", year: "2030", kind: "edition" });
  expect(frozen.status).toBe(303);
  expect(frozen.headers.get("location")).toBe("/private/editions/edition-2030?done=frozen");
  expect((await t.app.request("/roadmap/editions/edition-2030")).status).toBe(404);
  expect((await sec.get("/private/editions/edition-2030/publish")).status).toBe(200);
  const published = await sec.post("/private/editions/edition-2030/publish");
  expect(published.status).toBe(303);
  return { actors, sec };
}

const snapshot = async (slug: string) => {
  const [e] = await t.deps.db.select().from(gerEditions).where(eq(gerEditions.slug, slug));
  const rows = await t.deps.db
    .select()
    .from(gerEditionMissions)
    .where(eq(gerEditionMissions.editionId, e!.id));
  return { edition: e!, rows: rows.sort((a, b) => a.missionSlug.localeCompare(b.missionSlug)) };
};

describe("roadmap editions", () => {
  it("lists the named editions; one without recorded missions reads as the document it is", async () => {
    const html = await (await t.app.request("/roadmap/editions")).text();
    for (const name of [
      "(1st edition)",
      "(2nd edition)",
      "(3rd edition)",
      "(4th edition)",
      "August 2020",
      "October 2022",
    ]) {
      expect(html).toContain(name);
    }
    expect(html).not.toContain("No mission snapshot");
    const one = await (await t.app.request("/roadmap/editions/ger-2018")).text();
    expect(one).toContain("The document");
    expect(one).toContain('href="/publications/global-exploration-roadmap-2018"');
    expect(one).toMatch(/class="pub-access"|No file or link/);
    expect(one).toContain("cannot be compared");
    const choices = await (await t.app.request("/roadmap/compare")).text();
    expect(choices).not.toContain('value="ger-2018"');
    expect(choices).toContain("only the current plans can be shown");
    const compare = await (await t.app.request("/roadmap/compare?from=ger-2018&to=current")).text();
    expect(compare).toContain(
      "No mission snapshot recorded for The Global Exploration Roadmap (3rd edition)",
    );
    const changes = await (await t.app.request("/roadmap/changes")).text();
    expect(changes).toContain("No published edition has a mission snapshot yet.");
  });

  it("freezes the plans; after a focal point slips a mission and changes its status the comparison says so", async () => {
    const { actors } = await freezeAndPublish();
    const fp = await browser(t.deps, t.app, actors.focalPoint);
    const saved = await fp.post("/private/missions/argonaut/edit", {
      ...argonautForm,
      launch: "2031-Q3",
      launchPrecision: "quarter",
      status: "funded",
    });
    expect(saved.status).toBe(303);
    const html = await (await t.app.request("/roadmap/compare?from=edition-2030&to=current")).text();
    expect(html).toContain("slipped by about 1 year");
    expect(html).toContain("status changed from In formulation to Funded");
    expect(html).toContain('href="/roadmap/missions/argonaut"');
    const changes = await (await t.app.request("/roadmap/changes")).text();
    expect(changes).toContain("slipped by about 1 year");
    const edition = await (await t.app.request("/roadmap/editions/edition-2030")).text();
    expect(edition).toMatch(/The 54 missions in Edition 2030/);
    const api = await (await t.app.request("/api/v1/editions/compare?from=edition-2030&to=current")).json();
    expect(api.data.slipped).toEqual([
      { slug: "argonaut", direction: "later", amount: 1, unit: "year", text: "about 1 year" },
    ]);
    expect(api.data.statusChanged).toEqual([{ slug: "argonaut", before: "in_formulation", after: "funded" }]);
  });

  it("a published edition cannot be changed or deleted by anyone, through any route, and its snapshot stays", async () => {
    const { actors, sec } = await freezeAndPublish();
    const before = await snapshot("edition-2030");
    for (const slug of ["edition-2030", "ger-2024"]) {
      for (const path of [`/private/editions/${slug}/publish`, `/private/editions/${slug}/delete`]) {
        const res = await sec.post(path);
        expect(res.status, path).toBe(409);
        expect(await res.text()).toContain("published editions are a record of what was agreed");
      }
      const pub = await sec.json("POST", `/api/v1/editions/${slug}/publication`);
      expect(pub.status).toBe(409);
      expect((await pub.json()).error.message).toMatch(/cannot be changed or deleted/);
      expect((await sec.json("DELETE", `/api/v1/editions/${slug}`)).status).toBe(409);
      for (const who of ["member", "focalPoint", "otherFocalPoint", "chair"] as const) {
        const b = await browser(t.deps, t.app, actors[who]);
        expect((await b.post(`/private/editions/${slug}/delete`)).status).toBe(403);
        expect((await b.json("DELETE", `/api/v1/editions/${slug}`)).status).toBe(403);
        expect((await b.json("POST", `/api/v1/editions/${slug}/publication`)).status).toBe(403);
      }
      const anon = await browser(t.deps, t.app);
      expect((await anon.json("DELETE", `/api/v1/editions/${slug}`)).status).toBe(401);
    }
    // A mission change afterwards does not reach the frozen snapshot either.
    const fp = await browser(t.deps, t.app, actors.focalPoint);
    await fp.post("/private/missions/argonaut/edit", { ...argonautForm, status: "cancelled" });
    expect(await snapshot("edition-2030")).toEqual(before);
    expect((await snapshot("ger-2024")).edition.status).toBe("published");
  });

  it("the secretariat deletes a draft; others cannot freeze", async () => {
    const actors = await matrixActors(t.deps);
    const sec = await browser(t.deps, t.app, actors.secretariat);
    await sec.post("/private/editions", { name: "Scratch", year: "2031", kind: "supplement" });
    expect((await sec.get("/private/editions/scratch")).status).toBe(200);
    const del = await sec.post("/private/editions/scratch/delete");
    expect(del.headers.get("location")).toBe("/private/editions?done=deleted");
    expect(await t.deps.db.select().from(gerEditions).where(eq(gerEditions.slug, "scratch"))).toEqual([]);
    const fp = await browser(t.deps, t.app, actors.focalPoint);
    expect(
      (await fp.json("POST", "/api/v1/editions", { name: "Mine", year: 2031, kind: "edition" })).status,
    ).toBe(403);
  });

  it("refuses bad input with messages and creates nothing", async () => {
    const actors = await matrixActors(t.deps);
    const sec = await browser(t.deps, t.app, actors.secretariat);
    const count = (await t.deps.db.select().from(gerEditions)).length;
    const res = await sec.post("/private/editions", { name: "", year: "20x", kind: "annual" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter the edition&#39;s name.");
    expect(html).toContain("Choose edition or supplement.");
    const dup = await sec.json("POST", "/api/v1/editions", {
      name: "Again",
      year: 2024,
      kind: "edition",
      slug: "ger-2024",
    });
    expect(dup.status).toBe(422);
    expect((await dup.json()).error.fields.slug).toMatch(/already uses/);
    expect((await t.deps.db.select().from(gerEditions)).length).toBe(count);
  });

  it("answers the API: editions, an edition's missions, freeze and publish", async () => {
    const list = await (await t.app.request("/api/v1/editions")).json();
    expect(list.data.map((e: { slug: string }) => e.slug)).toContain("ger-supplement-2020");
    const missions = await (await t.app.request("/api/v1/editions/ger-2024/missions")).json();
    expect(missions).toEqual({ data: [], snapshotRecorded: false });
    const actors = await matrixActors(t.deps);
    const sec = await browser(t.deps, t.app, actors.secretariat);
    const made = await sec.json("POST", "/api/v1/editions", {
      name: "API Edition",
      year: 2032,
      kind: "edition",
    });
    expect(made.status).toBe(201);
    expect((await t.app.request("/api/v1/editions/api-edition")).status).toBe(404);
    const pub = await sec.json("POST", "/api/v1/editions/api-edition/publication");
    expect((await pub.json()).data.status).toBe("published");
    const frozen = await (await t.app.request("/api/v1/editions/api-edition/missions")).json();
    expect(frozen.snapshotRecorded).toBe(true);
    expect(frozen.data).toHaveLength(54);
    const doc = await (await t.app.request("/api/openapi.json")).json();
    const paths = Object.keys(doc.paths).map((k) => k.replace(/^\/api\/v1/, ""));
    for (const p of [
      "/objectives",
      "/editions",
      "/editions/compare",
      "/editions/{slug}/missions",
      "/editions/{slug}/publication",
    ]) {
      expect(paths).toContain(p);
    }
  });
});
