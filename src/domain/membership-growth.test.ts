import { describe, expect, it } from "vitest";
import { membershipGrowth } from "./membership-growth.js";

const rec = (acronym: string, joinedOn: string, leftOn: string | null = null, joinedUncertain = false) => ({
  acronym,
  joinedOn,
  leftOn,
  joinedUncertain,
});

describe("membership growth", () => {
  it("counts members at the end of every year, including years without change", () => {
    const years = membershipGrowth(
      [rec("A", "2007-11-01"), rec("B", "2007-11-01"), rec("C", "2009-05-01")],
      2010,
    );
    expect(years.map((y) => [y.year, y.total])).toEqual([
      [2007, 2],
      [2008, 2],
      [2009, 3],
      [2010, 3],
    ]);
    expect(years[2]!.joined).toEqual(["C"]);
  });

  it("subtracts members in the year they left and keeps uncertain joins visible", () => {
    const years = membershipGrowth(
      [rec("A", "2007-01-01", "2008-06-30"), rec("B", "2008-01-01", null, true)],
      2008,
    );
    expect(years.at(-1)).toEqual({ year: 2008, total: 1, joined: ["B"], left: ["A"], uncertain: ["B"] });
  });

  it("is empty without records", () => {
    expect(membershipGrowth([], 2024)).toEqual([]);
  });
});
