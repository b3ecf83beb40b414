import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generatedMissions } from "../../../../tests/support/missions.js";
import { overlapping } from "../../../domain/chart-layout.js";
import { PageCache } from "../../../http/page-cache.js";
import { closePngRenderer, renderPng } from "../../../web/charts/png.js";
import { missionChart } from "./mission-chart.js";

/** n made-up missions spread over 1998-2040, every lane, status and precision. */
const missions = (n: number) =>
  generatedMissions(n, { firstYear: 1998, years: 43, name: (k) => `Mission number ${k} "test" & co` });

// The PNG renderer belongs to an app instance, found by its page cache; this file has its own.
const app = { cache: new PageCache() };
afterAll(() => closePngRenderer(app));

describe("the mission scenario chart", () => {
  it.each([60, 600])("stays legible with %i missions: no overlapping marks, a sane size", async (n) => {
    const chart = missionChart(missions(n));
    expect(chart.drawn).toBe(n);
    expect(overlapping(chart.layout.marks)).toEqual([]);
    expect(chart.layout.width).toBeLessThan(1500);
    expect(chart.layout.height).toBeLessThan(n === 60 ? 2000 : 5000);
    expect(chart.svg.match(/<a href=/g)).toHaveLength(n);
    expect(chart.svg).toContain("&quot;test&quot; &amp; co");
    const png = await renderPng(app, () => chart.svg);
    expect([...png.slice(0, 4)]).toEqual([137, 80, 78, 71]);
    writeFileSync(join(tmpdir(), `mission-chart-${n}.png`), png);
  });

  it("lists the missions it cannot place instead of drawing them", () => {
    const [dated, undated] = missions(2);
    const chart = missionChart([dated!, { ...undated!, launchOn: null, launchPrecision: null }]);
    expect(chart.drawn).toBe(1);
    expect(chart.notDrawn.map((m) => m.slug)).toEqual(["mission-1"]);
  });

  it("starts a few years before now, with missions under way since earlier entering from the left", () => {
    const [a, b, c, d] = missions(4);
    const list = [
      {
        ...a!,
        slug: "station",
        name: "Station",
        launchOn: "1998-11-20",
        launchPrecision: "day" as const,
        status: "operating" as const,
        endsOn: null,
      },
      {
        ...b!,
        slug: "old-probe",
        name: "Old probe",
        launchOn: "2005-01-01",
        launchPrecision: "year" as const,
        status: "completed" as const,
      },
      {
        ...c!,
        slug: "lander",
        name: "Lander",
        launchOn: "2028-01-01",
        launchPrecision: "year" as const,
        status: "funded" as const,
      },
      {
        ...d!,
        slug: "ended",
        name: "Ended",
        launchOn: "2010-01-01",
        launchPrecision: "year" as const,
        status: "operating" as const,
        endsOn: "2012-01-01",
        endPrecision: "year" as const,
      },
    ];
    const chart = missionChart(list, { currentYear: 2026 });
    expect([chart.from, chart.to]).toEqual([2021, 2028]);
    expect(chart.layout.ticks[0]!.year).toBe(2021);
    expect(chart.notDrawn.map((m) => m.slug).sort()).toEqual(["ended", "old-probe"]);
    const station = chart.layout.marks.find((m) => m.id === "station")!;
    expect(station.kind).toBe("bar");
    expect(station.x0).toBe(chart.layout.plot.left);
    expect(chart.svg).toMatch(/Station( · \S+)? \(since 1998\)/);
    // The mark's title keeps the real launch date.
    expect(chart.svg).toContain("launch 20 November 1998");
  });

  it("names each mark's lead agency, and an export says what it shows, when and from where", () => {
    const [m] = missions(1).map((x) => ({
      ...x,
      name: "ExoMars 2016 Trace Gas Orbiter",
      leadAcronym: "ESA",
    }));
    const chart = missionChart([m!], {
      caption: ["Forum: mission scenario chart (all agencies).", "Made 2026-12-02"],
    });
    expect(chart.svg).toContain("ExoMars 2016 Trace Gas Orbiter · ESA");
    expect(chart.svg).toContain("Forum: mission scenario chart (all agencies).");
    const width = Number(/width="(\d+)"/.exec(chart.svg)![1]);
    expect(width).toBeGreaterThanOrEqual(chart.layout.width + 20);
  });

  it("keeps an explicit first year, and the oldest launch when no current year is given", () => {
    const list = missions(3).map((m, k) => ({
      ...m,
      launchOn: `${2000 + k * 10}-01-01`,
      launchPrecision: "year" as const,
      status: "funded" as const,
    }));
    expect(missionChart(list).from).toBe(2000);
    expect(missionChart(list, { currentYear: 2026, from: 2005 }).from).toBe(2005);
    expect(missionChart(list, { currentYear: 2010 }).from).toBe(2005);
  });
});
