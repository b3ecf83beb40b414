import { describe, expect, it } from "vitest";
import {
  agencyView,
  analyseGaps,
  assessNeed,
  type GapCapabilityIn,
  type GapNeedIn,
  type GapTechnologyIn,
  projectedTrl,
  severityOf,
  technologyView,
} from "./gap-analysis.js";

const tech = (id: number, code = `TST-${String(id).padStart(3, "0")}`): GapTechnologyIn => ({
  id,
  code,
  title: `Technology ${id}`,
  area: "Test",
  areaCode: "TST",
});
const cap = (
  technologyId: number,
  acronym: string,
  currentTrl: number,
  targetTrl: number,
  targetDate: string,
): GapCapabilityIn => ({
  technologyId,
  organisationId: acronym.charCodeAt(0) * 100 + acronym.length,
  acronym,
  currentTrl,
  targetTrl,
  targetDate,
});
const need = (technologyId: number, trlNeeded: number, neededBy: string, label = "Mission"): GapNeedIn => ({
  technologyId,
  trlNeeded,
  neededBy,
  label,
});
const asOf = "2026-01-01";

describe("projecting an agency's TRL (step rule)", () => {
  const c = { currentTrl: 4, targetTrl: 7, targetDate: "2030-06-01" };
  it("keeps the current TRL before the target date", () => {
    expect(projectedTrl(c, "2030-05-31", asOf)).toBe(4);
  });
  it("reaches the target TRL on the target date and after", () => {
    expect(projectedTrl(c, "2030-06-01", asOf)).toBe(7);
    expect(projectedTrl(c, "2040-01-01", asOf)).toBe(7);
  });
  it("does not interpolate: half-way to the target is still the current TRL", () => {
    expect(projectedTrl(c, "2028-03-15", asOf)).toBe(4);
  });
  it("counts a target date already past as not reached", () => {
    expect(projectedTrl({ ...c, targetDate: "2025-12-31" }, "2030-01-01", asOf)).toBe(4);
  });
  it("counts a target date of today as reached from today", () => {
    expect(projectedTrl({ ...c, targetDate: asOf }, asOf, asOf)).toBe(7);
  });
  it("gives the current TRL for a need date already past", () => {
    expect(projectedTrl(c, "2020-01-01", asOf)).toBe(4);
  });
});

describe("severity", () => {
  it("is zero when the need is met", () => {
    expect(severityOf(0, 10)).toBe(0);
  });
  it("weighs a shortfall needed today at 10 per level", () => {
    expect(severityOf(1, 0)).toBe(10);
    expect(severityOf(3, 0)).toBe(30);
  });
  it("treats a need date already past as today", () => {
    expect(severityOf(2, -400)).toBe(20);
  });
  it("halves after a year: two levels in a year weigh like one level now", () => {
    expect(severityOf(2, 365.25)).toBe(10);
    expect(severityOf(5, 4 * 365.25)).toBe(10);
  });
});

describe("assessing one need", () => {
  const t = tech(1);
  it("takes the best agency on the need date and names every agency at that level", () => {
    const caps = [
      cap(1, "ESA", 4, 7, "2028-01-01"),
      cap(1, "NASA", 6, 6, "2027-01-01"),
      cap(1, "JAXA", 5, 7, "2029-01-01"),
    ];
    const a = assessNeed(need(1, 7, "2029-06-01"), t, caps, asOf);
    expect(a.bestTrl).toBe(7);
    expect(a.bestAgencies).toEqual(["ESA", "JAXA"]);
    expect(a.shortfall).toBe(0);
    expect(a.severity).toBe(0);
  });
  it("reports the shortfall and the days left when no agency gets there in time", () => {
    const a = assessNeed(need(1, 8, "2027-01-01"), t, [cap(1, "ESA", 4, 8, "2028-01-01")], asOf);
    expect(a.bestTrl).toBe(4);
    expect(a.shortfall).toBe(4);
    expect(a.daysLeft).toBe(365);
    expect(a.needDatePassed).toBe(false);
  });
  it("counts a technology nobody works on as TRL 0", () => {
    const a = assessNeed(need(1, 6, "2030-01-01"), t, [], asOf);
    expect(a.bestTrl).toBeNull();
    expect(a.bestAgencies).toEqual([]);
    expect(a.shortfall).toBe(6);
  });
  it("marks a need date that has passed with negative days left", () => {
    const a = assessNeed(need(1, 6, "2025-12-01"), t, [cap(1, "ESA", 5, 6, "2027-01-01")], asOf);
    expect(a.needDatePassed).toBe(true);
    expect(a.daysLeft).toBe(-31);
    expect(a.shortfall).toBe(1);
    expect(a.severity).toBe(10);
  });
  it("meets a need exactly at the TRL needed (equal TRLs are no gap)", () => {
    const a = assessNeed(need(1, 6, "2030-01-01"), t, [cap(1, "ESA", 6, 6, "2026-01-01")], asOf);
    expect(a.shortfall).toBe(0);
  });
  it("does not count on a target whose date has passed", () => {
    const a = assessNeed(need(1, 7, "2030-01-01"), t, [cap(1, "ESA", 5, 7, "2025-06-01")], asOf);
    expect(a.bestTrl).toBe(5);
    expect(a.shortfall).toBe(2);
  });
});

describe("the whole analysis", () => {
  const techs = [tech(1), tech(2), tech(3), tech(4)];
  const caps = [
    cap(1, "ESA", 3, 6, "2030-01-01"),
    cap(1, "NASA", 4, 5, "2028-01-01"),
    cap(2, "JAXA", 7, 9, "2027-01-01"),
    cap(4, "ESA", 2, 4, "2035-01-01"),
  ];
  const needs = [
    need(1, 8, "2029-01-01", "Lander"),
    need(2, 8, "2028-01-01", "Rover"),
    need(3, 5, "2032-01-01", "Habitat"),
    need(3, 6, "2027-01-01", "Outpost"),
  ];
  const result = analyseGaps({ technologies: techs, capabilities: caps, needs, asOf });

  it("ranks gaps by severity, the nearest large shortfall first", () => {
    expect(result.ranking.map((g) => `${g.technology.code}:${g.need.label}`)).toEqual([
      "TST-003:Outpost",
      "TST-001:Lander",
      "TST-003:Habitat",
    ]);
    expect(result.ranking[0]!.shortfall).toBe(6);
    expect(result.totals).toEqual({ technologies: 4, needs: 4, gaps: 3, orphans: 1, collaborations: 1 });
  });

  it("names technologies nobody works on, those with needs first", () => {
    expect(result.orphans).toEqual([{ technology: techs[2], needCount: 2 }]);
  });

  it("names the agencies working on the same technology as a collaboration opportunity", () => {
    expect(result.collaborations).toEqual([
      { technology: techs[0], agencies: ["ESA", "NASA"], hasGap: true, worstShortfall: 3 },
    ]);
  });

  it("summarises each technology with its status", () => {
    expect(result.technologies.map((t) => t.status)).toEqual(["gap", "met", "gap", "no_need"]);
    expect(technologyView(result, "tst-002")?.needs[0]?.bestAgencies).toEqual(["JAXA"]);
  });

  it("summarises each agency: its capabilities, the gaps it works on and its partners", () => {
    expect(result.agencies.map((a) => a.acronym)).toEqual(["ESA", "JAXA", "NASA"]);
    const esa = agencyView(result, "esa")!;
    expect(esa.capabilities).toHaveLength(2);
    expect(esa.gapsWorkedOn).toBe(1);
    expect(esa.capabilities[0]!.workingOnIt).toEqual(["ESA", "NASA"]);
    expect(esa.capabilities[0]!.leads).toBe(false);
    expect(agencyView(result, "NASA")!.capabilities[0]!.leads).toBe(true);
    expect(agencyView(result, "CSA")).toBeUndefined();
  });

  it("handles an empty list, no capabilities and no needs", () => {
    const empty = analyseGaps({ technologies: [], capabilities: [], needs: [], asOf });
    expect(empty.totals).toEqual({ technologies: 0, needs: 0, gaps: 0, orphans: 0, collaborations: 0 });
    const noNeeds = analyseGaps({ technologies: techs, capabilities: caps, needs: [], asOf });
    expect(noNeeds.ranking).toEqual([]);
    expect(noNeeds.technologies.every((t) => t.status === "no_need")).toBe(true);
    const noCaps = analyseGaps({ technologies: techs, capabilities: [], needs, asOf });
    expect(noCaps.orphans).toHaveLength(4);
    expect(noCaps.ranking.every((g) => g.bestTrl === null && g.shortfall === g.need.trlNeeded)).toBe(true);
  });

  it("does not depend on the clock: the same input gives the same result", () => {
    expect(analyseGaps({ technologies: techs, capabilities: caps, needs, asOf })).toEqual(result);
  });
});
