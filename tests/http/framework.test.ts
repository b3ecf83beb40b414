import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { gerGoals, gerObjectives, missionObjectives, missions } from "../../src/db/schema/index.js";
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

describe("the GER framework", () => {
  it("shows goals, objectives with the missions serving each, and the themes", async () => {
    const res = await t.app.request("/roadmap/framework");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("G4 Perform science to support human exploration");
    expect(html).toContain("Global Exploration Strategy themes");
    expect(html).toContain('href="/roadmap/missions/viper"');
    expect(html).not.toContain("uncertain");
    const roadmap = await (await t.app.request("/roadmap")).text();
    expect(roadmap).toContain('href="/roadmap/framework"');
    expect(roadmap).toContain('href="/roadmap/editions"');
  });

  it("makes objectives no mission serves stand out in words in the coverage matrix", async () => {
    const [goal] = await t.deps.db.select().from(gerGoals).where(eq(gerGoals.code, "G8"));
    await t.deps.db
      .insert(gerObjectives)
      .values({ goalId: goal!.id, code: "G8.9", title: "Watch space weather" });
    const html = await (await t.app.request("/roadmap/framework")).text();
    expect(html).toContain("Objectives no mission serves");
    expect(html).toMatch(
      /G8\.9 Watch space weather<\/a><strong class="unserved-label"> — not served<\/strong>/,
    );
    expect(html).toContain("No mission serves this objective.");
    expect(html).toContain("<strong>none</strong>");
  });

  it("lets the lead agency's focal point set the objectives a mission serves, and refuses unknown ones", async () => {
    const actors = await matrixActors(t.deps);
    const fp = await browser(t.deps, t.app, actors.focalPoint);
    const form = await (await fp.get("/private/missions/argonaut/edit")).text();
    expect(form).toContain("Objectives served");
    const bad = await fp.post("/private/missions/argonaut/edit", {
      ...argonautForm,
      objectives: ["", "G99.9"],
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("There is no roadmap objective G99.9.");
    const ok = await fp.post("/private/missions/argonaut/edit", {
      ...argonautForm,
      objectives: ["", "G2.1", "G3.2"],
    });
    expect(ok.status).toBe(303);
    const api = await (await t.app.request("/api/v1/missions/argonaut")).json();
    expect(api.data.objectives).toEqual(["G2.1", "G3.2"]);
    const framework = await (await t.app.request("/api/v1/objectives")).json();
    const g32 = framework.data.find((o: { code: string }) => o.code === "G3.2");
    expect(g32.missions).toContain("argonaut");
    // Unticking every box clears them (the empty hidden field says "none").
    await fp.post("/private/missions/argonaut/edit", { ...argonautForm, objectives: [""] });
    const [m] = await t.deps.db.select().from(missions).where(eq(missions.slug, "argonaut"));
    expect(
      await t.deps.db.select().from(missionObjectives).where(eq(missionObjectives.missionId, m!.id)),
    ).toEqual([]);
  });

  it("another agency's focal point cannot change the objectives of a mission it does not lead", async () => {
    const actors = await matrixActors(t.deps);
    const other = await browser(t.deps, t.app, actors.otherFocalPoint);
    const res = await other.json("PATCH", "/api/v1/missions/argonaut", { objectives: ["G7.1"] });
    expect(res.status).toBe(403);
    const api = await (await t.app.request("/api/v1/missions/argonaut")).json();
    expect(api.data.objectives).not.toContain("G7.1");
  });
});
