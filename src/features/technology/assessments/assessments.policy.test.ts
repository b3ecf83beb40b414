import { describe, expect, it } from "vitest";
import type { Actor, Person } from "../../../http/actor.js";
import { visitor } from "../../../http/actor.js";
import { canManageAssessments } from "./assessments.policy.js";

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

describe("gap assessment policies", () => {
  it("lets only the secretariat manage assessments", () => {
    expect(canManageAssessments(secretariat)).toBe(true);
    expect(canManageAssessments(system)).toBe(true);
    for (const a of [visitor, member, focalPoint, chair]) expect(canManageAssessments(a)).toBe(false);
  });
});
