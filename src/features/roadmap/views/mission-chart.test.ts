import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { destinations, missionStatuses } from "../../../db/schema/index.js";
import { overlapping } from "../../../domain/chart-layout.js";
import { svgToPng } from "../roadmap.export.js";
import type { Mission } from "../roadmap.queries.js";
import { missionChart } from "./mission-chart.js";

const precisions = ["year", "quarter", "month", "day"] as const;

/** n made-up missions spread over 1998-2040, every lane, status and precision. */
function missions(n: number): Mission[] {
  return Array.from({ length: n }, (_, k) => {
    const year = 1998 + ((k * 7) % 43);
    const month = String(1 + ((k * 5) % 12)).padStart(2, "0");
    const precision = precisions[k % 4]!;
    const launchOn =
      precision === "year"
        ? `${year}-01-01`
        : precision === "quarter"
          ? `${year}-${["01", "04", "07", "10"][k % 4]}-01`
          : `${year}-${month}-01`;
    return {
      id: k,
      slug: `mission-${k}`,
      name: `Mission number ${k} "test" & co`,
      leadOrganisationId: 1,
      leadOther: null,
      leadAcronym: "ESA",
      leadSlug: "esa",
      partners: [],
      objectives: [],
      otherPartners: [],
      destination: destinations[(k * 3) % destinations.length]!,
      crewed: k % 3 === 0,
      launchOn,
      launchPrecision: precision,
      endsOn: null,
      endPrecision: null,
      status: missionStatuses[k % missionStatuses.length]!,
      instruments: [],
      studiesPolarVolatiles: false,
      description: null,
      sources: [],
      uncertain: false,
      uncertaintyNote: null,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    };
  });
}

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
