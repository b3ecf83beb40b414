import { describe, expect, it } from "vitest";
import { analyseGaps, type GapCapabilityIn } from "../../domain/gap-analysis.js";
import { buildHeatMap, cellText } from "../../domain/heat-map.js";
import { cellTitle, heatMapSvg } from "./heat-map.js";

const techs = [
  { id: 1, code: "PWR-001", title: "Fission <surface> power", area: "Power", areaCode: "PWR" },
  { id: 2, code: "ROB-002", title: "Telerobotics", area: "Robotics", areaCode: "ROB" },
];
const cap = (
  technologyId: number,
  acronym: string,
  currentTrl: number,
  targetTrl: number,
): GapCapabilityIn => ({
  technologyId,
  organisationId: [...acronym].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 7),
  acronym,
  currentTrl,
  targetTrl,
  targetDate: "2030-01-01",
});
const analysis = analyseGaps({
  technologies: techs,
  capabilities: [cap(1, "NASA", 3, 7), cap(2, "ESA", 6, 6)],
  needs: [{ technologyId: 1, trlNeeded: 8, neededBy: "2029-01-01", label: "Lunar base" }],
  asOf: "2026-01-01",
});

describe("the heat map model", () => {
  it("has the agencies with capabilities as columns and the technologies as rows", () => {
    const m = buildHeatMap(analysis, { detail: "trl" });
    expect(m.agencies).toEqual(["ESA", "NASA"]);
    expect(m.rows.map((r) => r.code)).toEqual(["PWR-001", "ROB-002"]);
    expect(m.rows[0]!.cells).toEqual([null, { trl: 3, target: 7, targetDate: "2030-01-01" }]);
    expect(m.rows[0]!.shortfall).toBe(5);
  });
  it("keeps no TRL, target date or shortfall at the presence level", () => {
    const m = buildHeatMap(analysis, { detail: "presence" });
    expect(m.rows[0]!.cells[1]).toEqual({ trl: null, target: null, targetDate: null });
    expect(m.rows.every((r) => r.shortfall === null)).toBe(true);
  });
  it("can show one area only", () => {
    expect(buildHeatMap(analysis, { detail: "trl", areaCode: "ROB" }).rows.map((r) => r.code)).toEqual([
      "ROB-002",
    ]);
  });
  it("writes the current TRL, and the target after an arrow when higher", () => {
    expect(cellText({ trl: 3, target: 7, targetDate: "2030-01-01" })).toBe("3→7");
    expect(cellText({ trl: 6, target: 6, targetDate: "2030-01-01" })).toBe("6");
    expect(cellText({ trl: null, target: null, targetDate: null })).toBe("●");
  });
});

describe("the heat map drawing", () => {
  it("writes each TRL in its cell, names each cell and marks the gap with a shape and text", () => {
    const svg = heatMapSvg(buildHeatMap(analysis, { detail: "trl" }));
    expect(svg).toContain(">3→7</text>");
    expect(svg).toContain("NASA at TRL 3, target TRL 7 by 2030-01-01");
    expect(svg).toContain("−5 TRL");
    expect(svg).toContain("gap: no agency is projected");
    expect(svg).toContain("Fission &lt;surface&gt; power");
    expect(svg).not.toContain("<surface>");
  });
  it("shows neither TRLs nor gaps at the presence level", () => {
    const svg = heatMapSvg(buildHeatMap(analysis, { detail: "presence" }));
    expect(svg).not.toMatch(/TRL \d|→|−\d/);
    expect(svg).toContain("NASA works on it");
    expect(svg).not.toContain("gap:");
  });
  it("links rows when asked", () => {
    const svg = heatMapSvg(buildHeatMap(analysis, { detail: "trl" }), { href: (c) => `/t/${c}` });
    expect(svg).toContain('<a href="/t/PWR-001">');
  });
  it("says when an agency reports nothing", () => {
    const m = buildHeatMap(analysis, { detail: "trl" });
    expect(cellTitle(m.rows[0]!, "ESA", null)).toBe(
      "PWR-001 Fission <surface> power: ESA reports no capability",
    );
  });
  it("draws 200 technologies × 30 agencies with every cell in a readable size", () => {
    const technologies = Array.from({ length: 200 }, (_, k) => ({
      id: k + 1,
      code: `GEN-${String(k + 1).padStart(3, "0")}`,
      title: `Generated technology ${k + 1}`,
      area: "Generated",
      areaCode: "GEN",
    }));
    const capabilities = technologies.flatMap((t) =>
      Array.from({ length: 30 }, (_, a) => cap(t.id, `AG${a}`, 1 + ((t.id + a) % 9), 9)),
    );
    const big = analyseGaps({ technologies, capabilities, needs: [], asOf: "2026-01-01" });
    const svg = heatMapSvg(buildHeatMap(big, { detail: "trl" }));
    expect(svg.match(/<rect [^>]*width="38" height="22"/g)).toHaveLength(6000);
    expect(Number(svg.match(/width="(\d+)"/)![1])).toBeLessThan(1600);
  });
});
