import { describe, expect, it } from "vitest";
import type { Actor, Person } from "../../../http/actor.js";
import { visitor } from "../../../http/actor.js";
import { canReadGapAnalysis } from "./gaps.policy.js";

const person = (roles: Person["roles"], organisationId: number | null = 1): Person => ({
  kind: "person",
  id: 1,
  name: "P",
  email: "p@example.org",
  roles,
  organisationId,
  organisationAcronym: organisationId ? "ESA" : null,
});
const member = person(["member"]);
const focalPoint = person(["member", "focal_point"]);
const chair = person(["member", "chair"]);
const secretariat = person(["secretariat"], null);
const system: Actor = { kind: "system", name: "seed" };

describe("technology gap policies", () => {
  it("lets every signed-in person read the gap analysis, never a visitor", () => {
    for (const a of [member, focalPoint, chair, secretariat, system])
      expect(canReadGapAnalysis(a)).toBe(true);
    expect(canReadGapAnalysis(visitor)).toBe(false);
  });
});
