import { describe, expect, it } from "vitest";
import type { Actor, Person } from "../../http/actor.js";
import {
  canEditAgencyProfile,
  canManageDirectory,
  canReadAuditLog,
  canReadPrivateArea,
  canSeeContactDetails,
} from "./directory.policy.js";

const person = (roles: Person["roles"], organisationId: number | null = 1): Person => ({
  kind: "person",
  id: 9,
  name: "P",
  email: "p@example.org",
  roles,
  organisationId,
  organisationAcronym: organisationId ? "ESA" : null,
});
const visitor: Actor = { kind: "visitor" };

describe("directory policies", () => {
  it("visitors may read nothing private", () => {
    expect(
      [canReadPrivateArea, canManageDirectory, canSeeContactDetails, canReadAuditLog].map((p) => p(visitor)),
    ).toEqual([false, false, false, false]);
    expect(canEditAgencyProfile(visitor, 1)).toBe(false);
  });

  it("members read the private area but manage nothing", () => {
    const m = person(["member"]);
    expect(canReadPrivateArea(m)).toBe(true);
    expect(canManageDirectory(m)).toBe(false);
    expect(canEditAgencyProfile(m, 1)).toBe(false);
  });

  it("a focal point edits only their own agency's profile", () => {
    const fp = person(["member", "focal_point"], 1);
    expect(canEditAgencyProfile(fp, 1)).toBe(true);
    expect(canEditAgencyProfile(fp, 2)).toBe(false);
    expect(canManageDirectory(fp)).toBe(false);
  });

  it("a chair does not gain agency rights", () => {
    expect(canEditAgencyProfile(person(["member", "chair"], 1), 1)).toBe(false);
  });

  it("the secretariat manages everything and reads the audit log", () => {
    const s = person(["secretariat"], null);
    expect(canManageDirectory(s)).toBe(true);
    expect(canEditAgencyProfile(s, 5)).toBe(true);
    expect(canReadAuditLog(s)).toBe(true);
  });
});
