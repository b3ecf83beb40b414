import { describe, expect, it } from "vitest";
import { browser, matrixActors } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

describe("Lunar Volatiles", () => {
  it("keeps the intro and adds the volatiles missions on a chart, a table, instruments and the gaps", async () => {
    const res = await t.app.request("/lunar-volatiles");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Volatiles are substances");
    expect(html).toContain('id="volatiles-chart-title"');
    expect(html).toContain("Missions studying lunar polar volatiles, by launch date");
    expect(html).toContain('href="/roadmap/missions/viper"');
    expect(html).toContain("NIRVSS");
    expect(html).toContain("Where the water ice is");
    expect(html).toContain("Whether the ice can be extracted and used");
    // Missions that do not study volatiles are not on it; lanes without such missions are left out.
    expect(html).not.toContain('href="/roadmap/missions/mars-2020"');
    expect(html).not.toContain(">Low Earth orbit</text>");
  });

  it("shows a mission once its lead agency flags it as studying polar volatiles", async () => {
    const actors = await matrixActors(t.deps);
    const fp = await browser(t.deps, t.app, actors.focalPoint);
    expect(await (await t.app.request("/lunar-volatiles")).text()).not.toContain(
      "/roadmap/missions/argonaut",
    );
    const res = await fp.post("/private/missions/argonaut/edit", {
      name: "Argonaut (European Large Logistics Lander)",
      destination: "lunar_surface",
      status: "in_formulation",
      launch: "2030",
      launchPrecision: "year",
      studiesPolarVolatiles: "on",
    });
    expect(res.status).toBe(303);
    expect(await (await t.app.request("/lunar-volatiles")).text()).toContain("/roadmap/missions/argonaut");
  });

  it("has one route only: the content page editor still edits its intro", async () => {
    const actors = await matrixActors(t.deps);
    const sec = await browser(t.deps, t.app, actors.secretariat);
    expect((await sec.get("/private/pages/lunar-volatiles/edit")).status).toBe(200);
  });
});
