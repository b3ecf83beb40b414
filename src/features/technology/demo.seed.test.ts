import { describe, expect, it } from "vitest";
import { demoCapabilities, demoNeeds, prng } from "./demo.seed.js";

const techs = Array.from({ length: 10 }, (_, k) => ({
  id: k + 1,
  destinations: k % 2 === 0 ? ["mars"] : ["lunar_surface"],
}));
const agencies = [101, 102, 103, 104, 105, 106];
const missions = [
  { id: 1, destination: "mars", launchOn: "2031-05-01" },
  { id: 2, destination: "lunar_surface", launchOn: null },
];

describe("the demonstration dataset generator", () => {
  it("gives the same numbers for the same seed and others for another", () => {
    const a = prng(7);
    const b = prng(7);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(prng(8)()).not.toBe(first[0]);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it("leaves every fifth technology without a capability, so the analysis has an orphan", () => {
    const rows = demoCapabilities(prng(1), techs, agencies);
    const covered = new Set(rows.map((r) => r.technologyId));
    expect(covered.has(5)).toBe(false);
    expect(covered.has(10)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("keeps every capability's TRLs in range, the target never below the current, all marked demo", () => {
    for (const r of demoCapabilities(prng(2), techs, agencies)) {
      expect(r.currentTrl).toBeGreaterThanOrEqual(2);
      expect(r.targetTrl).toBeGreaterThanOrEqual(r.currentTrl);
      expect(r.targetTrl).toBeLessThanOrEqual(9);
      expect(r.demo).toBe(true);
      expect(agencies).toContain(r.organisationId);
    }
  });

  it("asks each mission only for technologies of its destination, before launch and from 2026", () => {
    const rows = demoNeeds(prng(3), techs, missions);
    for (const r of rows.filter((n) => n.missionId === 1)) {
      expect(techs.find((t) => t.id === r.technologyId)!.destinations).toContain("mars");
      expect(r.neededBy < "2031-05-01").toBe(true);
      expect(r.trlNeeded).toBeGreaterThanOrEqual(6);
      expect(r.trlNeeded).toBeLessThanOrEqual(8);
    }
    for (const r of rows) expect(r.neededBy >= "2026-01-01").toBe(true);
  });

  it("adds the two architecture elements' needs at TRL 6, without a mission", () => {
    const elements = demoNeeds(prng(4), techs, []);
    expect(new Set(elements.map((r) => r.element))).toEqual(
      new Set(["Mars transit habitat", "Lunar surface power station"]),
    );
    expect(elements).toHaveLength(techs.length);
    for (const r of elements) {
      expect(r.trlNeeded).toBe(6);
      expect(r.missionId).toBeUndefined();
    }
  });
});
