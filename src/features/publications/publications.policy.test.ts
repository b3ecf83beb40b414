import { describe, expect, it } from "vitest";
import { type Person, systemActor, visitor } from "../../http/actor.js";
import { canManagePublications } from "./publications.policy.js";

const person = (roles: Person["roles"], organisationId: number | null = 1): Person => ({
  kind: "person",
  id: 9,
  name: "P",
  email: "p@example.org",
  roles,
  organisationId,
  organisationAcronym: organisationId ? "ESA" : null,
});

describe("publications policy", () => {
  it("only the secretariat and the command line may manage publications", () => {
    expect(canManagePublications(person(["secretariat"], null))).toBe(true);
    expect(canManagePublications(systemActor("seed"))).toBe(true);
  });

  it("visitors, members, focal points and chairs may not", () => {
    expect(canManagePublications(visitor)).toBe(false);
    for (const roles of [["member"], ["member", "focal_point"], ["member", "chair"]] as Person["roles"][]) {
      expect(canManagePublications(person(roles))).toBe(false);
    }
  });
});
