import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  forumSettings,
  gapAssessments,
  missions,
  organisations,
  technologies,
  technologyCapabilities,
  technologyNeeds,
} from "../../src/db/schema/index.js";
import { readDataset, seedDataset } from "../../src/features/dataset/dataset.seed.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { pngSize, svgSize } from "../support/png.js";

// The clock of the test app is fixed so that "time left" and projections do not drift.
const t = useTestDatabase({ now: () => new Date("2026-01-01T12:00:00Z") });

const orgId = async (acronym: string) =>
  (await t.deps.db.select().from(organisations).where(eq(organisations.acronym, acronym)))[0]!.id;
const techId = async (code: string) =>
  (await t.deps.db.select().from(technologies).where(eq(technologies.code, code)))[0]!.id;

/** ESA and NASA work on telerobotics (GER-019), a mission needs TRL 8 by 2030; nobody works on GER-003. */
async function addRecords(opts: { demo?: boolean } = {}) {
  const demo = opts.demo ?? false;
  const tech = await techId("GER-019");
  const [mission] = await t.deps.db.select().from(missions).where(eq(missions.slug, "artemis-3"));
  await t.deps.db.insert(technologyCapabilities).values([
    {
      technologyId: tech,
      organisationId: await orgId("ESA"),
      currentTrl: 4,
      targetTrl: 6,
      targetDate: "2028-06-01",
      demo,
    },
    {
      technologyId: tech,
      organisationId: await orgId("NASA"),
      currentTrl: 5,
      targetTrl: 7,
      targetDate: "2029-01-01",
      demo,
    },
  ]);
  await t.deps.db.insert(technologyNeeds).values([
    { technologyId: tech, missionId: mission!.id, trlNeeded: 8, neededBy: "2030-01-01", demo },
    {
      technologyId: await techId("GER-003"),
      element: "Lunar ascent stage",
      trlNeeded: 6,
      neededBy: "2031-01-01",
      demo,
    },
  ]);
  // Inserted here without write(), so drop cached public pages as write() would.
  t.deps.cache.invalidate();
}

async function setLevel(level: string) {
  await t.deps.db
    .insert(forumSettings)
    .values({ key: "technology.public", value: { level } })
    .onConflictDoUpdate({ target: forumSettings.key, set: { value: { level } } });
  t.deps.cache.invalidate();
}

describe("the private gap analysis", () => {
  it("sends a visitor to sign in", async () => {
    const res = await t.app.request("/private/technology/gaps");
    expect([302, 303]).toContain(res.status);
    expect(res.headers.get("location")).toContain("/sign-in");
  });

  it("ranks gaps, names orphans and collaborations for any member", async () => {
    await addRecords();
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "CSA"));
    const html = await (await member.get("/private/technology/gaps")).text();
    expect(html).toContain("Gaps by severity");
    expect(html).toMatch(/GER-019<\/a> Telerobotic/);
    expect(html).toContain("Lunar ascent stage");
    expect(html).toContain("Technologies nobody works on");
    expect(html).toMatch(/ESA<\/a>, <a[^>]*>NASA/);
    expect(html).not.toContain("Demonstration data, not agency figures");
  });

  it("changes the ranking when a focal point records a higher TRL", async () => {
    await addRecords();
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const before = await (await member.get("/private/technology/gaps/technologies/ger-019")).text();
    expect(before).toContain("Gap: short by 1 TRL");
    await t.deps.db
      .update(technologyCapabilities)
      .set({ targetTrl: 8 })
      .where(eq(technologyCapabilities.organisationId, await orgId("NASA")));
    // Changed here without write(), so drop cached pages as write() would.
    t.deps.cache.invalidate();
    const after = await (await member.get("/private/technology/gaps/technologies/ger-019")).text();
    expect(after).toContain("Every need met");
    const csv = await (await member.get("/private/technology/gaps/heatmap.csv")).text();
    expect(csv).toMatch(/GER-019,.*5→8/);
  });

  it("shows one agency's view and refuses an unknown agency", async () => {
    await addRecords();
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const html = await (await member.get("/private/technology/gaps/agencies/esa")).text();
    expect(html).toContain("4 → 6");
    expect(html).toContain("NASA");
    expect((await member.get("/private/technology/gaps/agencies/nope")).status).toBe(404);
    expect((await member.get("/private/technology/gaps/technologies/GER-999")).status).toBe(404);
  });

  it("keeps demonstration records apart and labels them on every page that shows them", async () => {
    await addRecords({ demo: true });
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const real = await (await member.get("/private/technology/gaps/heatmap")).text();
    expect(real).not.toContain("4→6");
    expect(real).toContain("Demonstration data");
    for (const path of [
      "/private/technology/gaps?dataset=demo",
      "/private/technology/gaps/heatmap?dataset=demo",
      "/private/technology/gaps/technologies/ger-019?dataset=demo",
      "/private/technology/gaps/agencies/esa?dataset=demo",
    ]) {
      const html = await (await member.get(path)).text();
      expect(html, path).toContain("Demonstration data, not agency figures");
    }
    const demo = await (await member.get("/private/technology/gaps/heatmap?dataset=demo")).text();
    expect(demo).toContain("4→6");
  });

  it("exports the heat map as SVG, PNG and CSV", async () => {
    await addRecords();
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const svg = await member.get("/private/technology/gaps/heatmap.svg?area=ROBO");
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const body = await svg.text();
    expect(body).toContain("GER-019");
    expect(body).not.toContain("GER-003");
    const png = await member.get("/private/technology/gaps/heatmap.png?area=ROBO");
    expect(png.headers.get("content-type")).toBe("image/png");
    const { width, height } = svgSize(body);
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({
      width: width * 2,
      height: height * 2,
    });
    const csv = await (await member.get("/private/technology/gaps/heatmap.csv")).text();
    expect(csv.split("\r\n")[0]).toBe("code,technology,area,ESA,NASA,shortfall");
  });
});

describe("the public Advanced Technology section", () => {
  it("keeps the editable intro and shows the list and the assessments, no heat map by default", async () => {
    await addRecords();
    const html = await (await t.app.request("/technology")).text();
    expect(html).toContain("Critical Technology List");
    expect(html).toContain("GER-019");
    expect(html).toContain('href="/technology/assessments/nuclear-power-propulsion"');
    expect(html).not.toContain("heat-map");
    expect((await t.app.request("/technology/heatmap.csv")).status).toBe(404);
    expect((await t.app.request("/technology/heatmap.svg")).status).toBe(404);
  });

  it("shows who works on what without a single TRL at the middle level", async () => {
    await addRecords();
    await setLevel("agencies");
    const html = await (await t.app.request("/technology")).text();
    expect(html).toContain("Who works on what");
    expect(html).toContain("ESA works on it");
    expect(html).not.toMatch(/TRL \d|\d→\d|−\d/);
    const svg = await (await t.app.request("/technology/heatmap.svg")).text();
    expect(svg).not.toMatch(/TRL \d|\d→\d|−\d/);
    const png = new Uint8Array(await (await t.app.request("/technology/heatmap.png")).arrayBuffer());
    expect(pngSize(png)).toEqual({ width: svgSize(svg).width * 2, height: svgSize(svg).height * 2 });
    const csv = await (await t.app.request("/technology/heatmap.csv")).text();
    const row = csv.split("\r\n").find((l) => l.startsWith("GER-019"))!;
    expect(row.split(",").slice(-2)).toEqual(["x", "x"]);
    expect(csv.split("\r\n")[0]).not.toContain("shortfall");
  });

  it("shows TRLs and gaps at the full level, but never demonstration records", async () => {
    await addRecords({ demo: true });
    await setLevel("trl");
    const empty = await (await t.app.request("/technology")).text();
    expect(empty).not.toContain("4→6");
    await addRecords();
    const res = await t.app.request("/technology");
    const html = await res.text();
    expect(html).toContain("4→6");
    expect(html).toContain("−1 TRL");
  });

  it("shows each assessment on its own page", async () => {
    const res = await t.app.request("/technology/assessments/telerobotic-control-time-delay");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Published");
    expect(html).toContain('href="/publications/telerobotic-control-time-delay-gap-assessment-2018"');
    expect(html).toContain("GER-019");
    expect((await t.app.request("/technology/assessments/nothing-here")).status).toBe(404);
  });

  it("lists the section and every assessment in the sitemap", async () => {
    const xml = await (await t.app.request("/sitemap.xml")).text();
    expect(xml).toContain("/technology</loc>");
    expect(xml).toContain("/technology/assessments/life-support-systems</loc>");
  });
});

describe("the public level of detail", () => {
  it("is set by the secretariat only, validated, audited, and drops cached pages", async () => {
    await addRecords();
    const focal = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect((await focal.post("/private/technology/assessments/public-detail", { level: "trl" })).status).toBe(
      403,
    );
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    expect((await t.app.request("/technology")).status).toBe(200); // now cached for visitors
    const bad = await sec.post("/private/technology/assessments/public-detail", { level: "everything" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Choose one of the levels.");
    const rows = await t.deps.db
      .select()
      .from(forumSettings)
      .where(eq(forumSettings.key, "technology.public"));
    expect(rows).toHaveLength(0);
    const ok = await sec.post("/private/technology/assessments/public-detail", { level: "trl" });
    expect(ok.status).toBe(303);
    expect(await (await t.app.request("/technology")).text()).toContain("4→6");
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "technology.public_detail"));
    expect(audit).toHaveLength(1);
  });
});

describe("gap assessment reports", () => {
  it("are seeded from the dataset with the status the sources support", async () => {
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const html = await (await member.get("/private/technology/assessments")).text();
    for (const title of ["Life Support Systems", "Space Nuclear Power and Propulsion", "Dust Mitigation"])
      expect(html).toContain(title);
    expect(html).not.toContain("Add an assessment");
  });

  it("are added and edited by the secretariat, with clear errors and nothing saved on bad input", async () => {
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const form = {
      title: "Cryogenic fluids",
      slug: "cryogenic-fluids",
      status: "ongoing",
      startedOn: "2025",
    };
    const bad = await sec.post("/private/technology/assessments/new", {
      ...form,
      status: "published",
      endedOn: "2024",
    });
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain("The end cannot be before the start.");
    expect(text).toContain("links to the publication");
    expect((await t.app.request("/technology/assessments/cryogenic-fluids")).status).toBe(404);
    const clash = await sec.post("/private/technology/assessments/new", { ...form, slug: "dust-mitigation" });
    expect(clash.status).toBe(422);
    const tech = String(await techId("GER-009"));
    const esa = String(await orgId("ESA"));
    const ok = await sec.post("/private/technology/assessments/new", {
      ...form,
      technologies: [tech],
      agencies: [esa],
    });
    expect(ok.status).toBe(303);
    const page = await (await t.app.request("/technology/assessments/cryogenic-fluids")).text();
    expect(page).toContain("GER-009");
    expect(page).toContain('href="/members/esa"');
    const edit = await sec.post("/private/technology/assessments/cryogenic-fluids/edit", {
      ...form,
      title: "Cryogenic fluid management",
      technologies: [],
    });
    expect(edit.status).toBe(303);
    const after = await (await t.app.request("/technology/assessments/cryogenic-fluids")).text();
    expect(after).toContain("Cryogenic fluid management");
    expect(after).not.toContain("GER-009");
  });

  it("are seeded once: loading the dataset again adds none and keeps the secretariat's edits", async () => {
    await t.deps.db
      .update(gapAssessments)
      .set({ findings: "Edited findings." })
      .where(eq(gapAssessments.slug, "life-support-systems"));
    const report = await seedDataset(t.deps, await readDataset(t.deps.config.datasetDir));
    expect(report.assessmentsAdded).toBe(0);
    const [row] = await t.deps.db
      .select()
      .from(gapAssessments)
      .where(eq(gapAssessments.slug, "life-support-systems"));
    expect(row!.findings).toBe("Edited findings.");
    expect(row!.status).toBe("ongoing");
    expect(await t.deps.db.select().from(gapAssessments)).toHaveLength(6);
  });

  it("cannot be changed by a focal point or a chair", async () => {
    for (const roles of [
      ["member", "focal_point"],
      ["member", "chair"],
    ] as const) {
      const who = await browser(t.deps, t.app, await makePerson(t.deps, [...roles], "ESA"));
      expect((await who.get("/private/technology/assessments/new")).status).toBe(403);
      const res = await who.post("/private/technology/assessments/dust-mitigation/edit", {
        title: "Hacked",
        slug: "dust-mitigation",
        status: "ongoing",
      });
      expect(res.status).toBe(403);
    }
    const html = await (await t.app.request("/technology/assessments/dust-mitigation")).text();
    expect(html).not.toContain("Hacked");
  });

  it("refuses unknown technologies in the form", async () => {
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await sec.post("/private/technology/assessments/new", {
      title: "Unknown",
      slug: "unknown-tech",
      status: "planned",
      technologies: ["999999"],
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Choose technologies from the list.");
    expect((await t.app.request("/technology/assessments/unknown-tech")).status).toBe(404);
  });
});

describe("the technology gaps API", () => {
  it("gives members the ranked gaps and refuses visitors", async () => {
    await addRecords();
    expect((await t.app.request("/api/v1/technology-gaps")).status).toBe(401);
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "JAXA"));
    const res = await member.json("GET", "/api/v1/technology-gaps");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.dataset).toBe("real");
    expect(body.asOf).toBe("2026-01-01");
    expect(body.ranking[0]).toMatchObject({ technology: "GER-003", bestTrl: null, shortfall: 6 });
    expect(body.collaborations).toEqual([{ technology: "GER-019", agencies: ["ESA", "NASA"], hasGap: true }]);
    const demo = await (await member.json("GET", "/api/v1/technology-gaps?dataset=demo")).json();
    expect(demo.totals.gaps).toBe(0);
  });

  it("lists the gap assessments in public, one by one too", async () => {
    const list = await (await t.app.request("/api/v1/gap-assessments")).json();
    expect(list.data).toHaveLength(6);
    const one = await (await t.app.request("/api/v1/gap-assessments/telerobotic-control-time-delay")).json();
    expect(one).toMatchObject({ status: "published", technologies: ["GER-019"] });
    expect(one.publication).toBe("telerobotic-control-time-delay-gap-assessment-2018");
    expect((await t.app.request("/api/v1/gap-assessments/nope")).status).toBe(404);
  });
});
