import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedMissions } from "../../../../tests/support/missions.js";
import { overlapping } from "../../../domain/chart-layout.js";
import { svgToPng } from "../roadmap.export.js";
import { missionChart } from "./mission-chart.js";

/** n made-up missions spread over 1998-2040, every lane, status and precision. */
const missions = (n: number) =>
  generatedMissions(n, { firstYear: 1998, years: 43, name: (k) => `Mission number ${k} "test" & co` });

describe("the mission scenario chart", () => {
  it.each([60, 600])("stays legible with %i missions: no overlapping marks, a sane size", (n) => {
    const chart = missionChart(missions(n));
    expect(chart.drawn).toBe(n);
    expect(overlapping(chart.layout.marks)).toEqual([]);
    expect(chart.layout.width).toBeLessThan(1500);
    expect(chart.layout.height).toBeLessThan(n === 60 ? 2000 : 5000);
    expect(chart.svg.match(/<a href=/g)).toHaveLength(n);
    expect(chart.svg).toContain("&quot;test&quot; &amp; co");
    const png = svgToPng(chart.svg);
    expect([...png.slice(0, 4)]).toEqual([137, 80, 78, 71]);
    writeFileSync(join(tmpdir(), `mission-chart-${n}.png`), png);
  });

  it("lists the missions it cannot place instead of drawing them", () => {
    const [dated, undated] = missions(2);
    const chart = missionChart([dated!, { ...undated!, launchOn: null, launchPrecision: null }]);
    expect(chart.drawn).toBe(1);
    expect(chart.notDrawn.map((m) => m.slug)).toEqual(["mission-1"]);
  });
});
