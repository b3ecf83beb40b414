import { describe, expect, it } from "vitest";
import { type ChartItem, layoutChart, overlapping, placeOnAxis, yearTicks } from "./chart-layout.js";

const axis = { from: 2020, pxPerYear: 100, left: 50 };
const opts = {
  lanes: ["moon", "mars"],
  from: 2020,
  to: 2029,
  pxPerYear: 40,
  left: 100,
  top: 30,
  rowHeight: 20,
  lanePadding: 5,
  pointWidth: 16,
  gap: 4,
};

describe("placing a date on the axis", () => {
  it("draws a year as a bar across the whole year", () => {
    expect(placeOnAxis("2021-01-01", "year", axis)).toEqual({ kind: "bar", x0: 150, x1: 250 });
  });

  it("draws a quarter as a bar a quarter of a year wide", () => {
    const q = placeOnAxis("2021-07-01", "quarter", axis);
    expect(q.kind).toBe("bar");
    expect(q.x0).toBeCloseTo(150 + (181 / 365) * 100, 5);
    expect(q.x1).toBeCloseTo(150 + (273 / 365) * 100, 5);
  });

  it("draws a month as a point in the middle of the month", () => {
    const m = placeOnAxis("2021-02-01", "month", axis);
    expect(m.kind).toBe("point");
    expect(m.x0).toBe(m.x1);
    expect(m.x0).toBeCloseTo(150 + ((31 + 14) / 365) * 100, 5);
  });

  it("draws a day as a point at that day, leap years included", () => {
    const d = placeOnAxis("2020-12-31", "day", axis);
    expect(d.kind).toBe("point");
    expect(d.x0).toBeCloseTo(50 + (365 / 366) * 100, 5);
  });
});

describe("ticks", () => {
  it("ticks every year and labels decades as major", () => {
    const ticks = yearTicks(2018, 2022, 40, 0);
    expect(ticks.map((t) => t.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
    expect(ticks.filter((t) => t.major).map((t) => t.year)).toEqual([2020]);
    expect(ticks.every((t) => t.labelled)).toBe(true);
    expect(ticks[1]!.x - ticks[0]!.x).toBe(40);
  });

  it("thins labels when years are narrow, but always keeps the decades", () => {
    const ticks = yearTicks(1995, 2045, 10, 0);
    const labelled = ticks.filter((t) => t.labelled).map((t) => t.year);
    expect(labelled).toEqual([1995, 2000, 2005, 2010, 2015, 2020, 2025, 2030, 2035, 2040, 2045]);
    expect(ticks.filter((t) => t.major).every((t) => t.labelled)).toBe(true);
  });

  it("skips year ticks entirely when a year is only a few pixels wide", () => {
    const ticks = yearTicks(2000, 2050, 3, 0);
    expect(ticks.every((t) => t.year % 5 === 0)).toBe(true);
  });
});

describe("lanes and rows", () => {
  it("stacks marks that would overlap into sub-rows of their lane", () => {
    const items: ChartItem[] = [
      { id: "a", lane: "moon", date: "2024-01-01", precision: "year" },
      { id: "b", lane: "moon", date: "2024-04-01", precision: "quarter" },
      { id: "c", lane: "moon", date: "2027-05-01", precision: "month" },
      { id: "d", lane: "mars", date: "2024-05-01", precision: "day" },
    ];
    const layout = layoutChart(items, opts);
    const row = (id: string) => layout.marks.find((m) => m.id === id)!.row;
    expect(row("a")).toBe(0);
    expect(row("b")).toBe(1);
    expect(row("c")).toBe(0);
    expect(row("d")).toBe(0);
    expect(layout.lanes.map((l) => [l.key, l.rows, l.count])).toEqual([
      ["moon", 2, 3],
      ["mars", 1, 1],
    ]);
    expect(layout.lanes[1]!.y).toBe(layout.lanes[0]!.y + layout.lanes[0]!.height);
    expect(overlapping(layout.marks)).toEqual([]);
  });

  it("counts a label as part of the mark it names", () => {
    const items: ChartItem[] = [
      { id: "a", lane: "moon", date: "2024-01-15", precision: "day", labelWidth: 200 },
      { id: "b", lane: "moon", date: "2026-01-15", precision: "day", labelWidth: 10 },
    ];
    const layout = layoutChart(items, opts);
    expect(layout.marks.map((m) => m.row)).toEqual([0, 1]);
  });

  it("leaves out items outside the year range or in unknown lanes", () => {
    const layout = layoutChart(
      [
        { id: "early", lane: "moon", date: "2010-01-01", precision: "year" },
        { id: "nowhere", lane: "venus", date: "2024-01-01", precision: "year" },
      ],
      opts,
    );
    expect(layout.marks).toEqual([]);
    expect(layout.lanes.every((l) => l.rows === 1)).toBe(true);
  });

  it("keeps 600 missions apart with a sane size", () => {
    const lanes = ["leo", "cislunar", "lunar_orbit", "lunar_surface", "mars", "small_bodies", "other"];
    const precisions = ["year", "quarter", "month", "day"] as const;
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const items: ChartItem[] = Array.from({ length: 600 }, (_, k) => {
      const year = 1998 + Math.floor(rand() * 42);
      const month = String(1 + Math.floor(rand() * 12)).padStart(2, "0");
      return {
        id: `m${k}`,
        lane: lanes[Math.floor(rand() * lanes.length)]!,
        date: `${year}-${month}-01`,
        precision: precisions[k % 4]!,
      };
    });
    const layout = layoutChart(items, { ...opts, lanes, from: 1998, to: 2039, pxPerYear: 24 });
    expect(layout.marks).toHaveLength(600);
    expect(overlapping(layout.marks)).toEqual([]);
    expect(layout.width).toBeLessThan(1400);
    expect(layout.height).toBeLessThan(6000);
  });
});
