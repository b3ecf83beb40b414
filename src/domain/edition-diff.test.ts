import { describe, expect, it } from "vitest";
import { type DiffMission, diffEditions, isEmptyDiff, periodIndex, slipBetween } from "./edition-diff.js";

const m = (slug: string, over: Partial<DiffMission> = {}): DiffMission => ({
  slug,
  name: slug.toUpperCase(),
  status: "funded",
  destination: "mars",
  launchOn: "2028-01-01",
  launchPrecision: "year",
  ...over,
});

describe("slipBetween", () => {
  it("counts years as approximate when either date is known to the year only", () => {
    expect(
      slipBetween(
        { launchOn: "2027-01-01", launchPrecision: "year" },
        { launchOn: "2028-07-01", launchPrecision: "quarter" },
      ),
    ).toMatchObject({ amount: 1, unit: "year", direction: "later", text: "about 1 year" });
  });

  it("counts quarters between quarter dates and months between a month and a day", () => {
    expect(
      slipBetween(
        { launchOn: "2027-01-01", launchPrecision: "quarter" },
        { launchOn: "2027-07-01", launchPrecision: "quarter" },
      )?.text,
    ).toBe("2 quarters");
    expect(
      slipBetween(
        { launchOn: "2027-05-01", launchPrecision: "month" },
        { launchOn: "2027-02-14", launchPrecision: "day" },
      ),
    ).toMatchObject({ amount: -3, direction: "earlier", text: "3 months" });
  });

  it("tells days, and long day-precise moves in months", () => {
    expect(
      slipBetween(
        { launchOn: "2027-05-01", launchPrecision: "day" },
        { launchOn: "2027-05-11", launchPrecision: "day" },
      )?.text,
    ).toBe("10 days");
    expect(
      slipBetween(
        { launchOn: "2027-01-01", launchPrecision: "day" },
        { launchOn: "2027-07-01", launchPrecision: "day" },
      )?.text,
    ).toBe("about 6 months (181 days)");
  });

  it("does not call a refinement within the same period a slip", () => {
    expect(
      slipBetween(
        { launchOn: "2027-01-01", launchPrecision: "year" },
        { launchOn: "2027-10-01", launchPrecision: "month" },
      ),
    ).toBeNull();
  });

  it("indexes periods so that neighbours differ by one", () => {
    expect(periodIndex("2027-12-01", "quarter") + 1).toBe(periodIndex("2028-01-01", "quarter"));
    expect(periodIndex("2027-12-31", "day") + 1).toBe(periodIndex("2028-01-01", "day"));
  });
});

describe("diffEditions", () => {
  it("finds added, removed, slipped, status and destination changes", () => {
    const from = [m("a"), m("b"), m("c"), m("d"), m("gone")];
    const to = [
      m("a"),
      m("b", { launchOn: "2030-01-01" }),
      m("c", { status: "cancelled" }),
      m("d", { destination: "lunar_surface" }),
      m("new"),
    ];
    const d = diffEditions(from, to);
    expect(d.added.map((x) => x.slug)).toEqual(["new"]);
    expect(d.removed.map((x) => x.slug)).toEqual(["gone"]);
    expect(d.slipped).toHaveLength(1);
    expect(d.slipped[0]!.slip.text).toBe("about 2 years");
    expect(d.statusChanged).toEqual([{ slug: "c", name: "C", before: "funded", after: "cancelled" }]);
    expect(d.destinationChanged[0]).toMatchObject({ slug: "d", before: "mars", after: "lunar_surface" });
    expect(d.unchanged).toBe(1);
    expect(isEmptyDiff(d)).toBe(false);
  });

  it("reports dates announced and withdrawn", () => {
    const d = diffEditions(
      [m("a", { launchOn: null, launchPrecision: null }), m("b")],
      [m("a"), m("b", { launchOn: null, launchPrecision: null })],
    );
    expect(d.dateAnnounced.map((x) => x.slug)).toEqual(["a"]);
    expect(d.dateWithdrawn.map((x) => x.slug)).toEqual(["b"]);
  });

  it("finds nothing between identical sets", () => {
    const set = [m("a"), m("b")];
    expect(isEmptyDiff(diffEditions(set, set))).toBe(true);
  });

  it("compares 10,000 missions quickly", () => {
    const from = Array.from({ length: 10_000 }, (_, k) => m(`m${k}`));
    const to = from.map((x, k) => (k % 10 === 0 ? { ...x, launchOn: "2031-01-01" } : x));
    const start = performance.now();
    const d = diffEditions(from, to);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(d.slipped).toHaveLength(1000);
  });
});
