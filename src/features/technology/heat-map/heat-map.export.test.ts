import { describe, expect, it } from "vitest";
import type { HeatMapDetail, HeatMapModel, HeatRow } from "../../../domain/heat-map.js";
import { heatMapCsv, svgDocument } from "./heat-map.export.js";

const rows: HeatRow[] = [
  {
    code: "GER-019",
    title: "Telerobotics, with a comma",
    area: "ROBO",
    cells: [{ trl: 4, target: 7, targetDate: "2029-01-01" }, null],
    shortfall: 1,
  },
];
const model = (detail: HeatMapDetail): HeatMapModel => ({ detail, agencies: ["ESA", "NASA"], rows });

describe("the heat map CSV", () => {
  it("writes TRLs and the shortfall at the full level, an empty cell where nobody reports", () => {
    const [header, line] = heatMapCsv(model("trl")).split("\r\n");
    expect(header).toBe("code,technology,area,ESA,NASA,shortfall");
    expect(line).toBe('GER-019,"Telerobotics, with a comma",ROBO,4→7,,1');
  });

  it("writes only presence at the middle level: no TRL, no shortfall", () => {
    const csv = heatMapCsv(model("presence"));
    expect(csv.split("\r\n")[0]).toBe("code,technology,area,ESA,NASA");
    expect(csv).not.toMatch(/\d→\d/);
    expect(csv.split("\r\n")[1]!.endsWith("ROBO,x,")).toBe(true);
  });

  it("makes a standalone SVG file with the XML declaration first", () => {
    expect(svgDocument("<svg/>")).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<svg/>\n');
  });
});
