import { describe, expect, it } from "vitest";
import { type Person, systemActor, visitor } from "../../http/actor.js";
import { canManageFaq } from "./faq.policy.js";

const person = (roles: Person["roles"], organisationId: number | null = 1): Person => ({
  kind: "person",
  id: 9,
  name: "P",
  email: "p@example.org",
  roles,
  organisationId,
  organisationAcronym: organisationId ? "ESA" : null,
});

describe("faq policy", () => {
  it("only the secretariat and the command line may manage faq", () => {
    expect(canManageFaq(person(["secretariat"], null))).toBe(true);
    expect(canManageFaq(systemActor("seed"))).toBe(true);
  });

  it("visitors, members, focal points and chairs may not", () => {
    expect(canManageFaq(visitor)).toBe(false);
    for (const roles of [["member"], ["member", "focal_point"], ["member", "chair"]] as Person["roles"][]) {
      expect(canManageFaq(person(roles))).toBe(false);
    }
  });
});
