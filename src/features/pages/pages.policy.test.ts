import { describe, expect, it } from "vitest";
import { type Person, systemActor, visitor } from "../../http/actor.js";
import { canEditPages } from "./pages.policy.js";

const person = (roles: Person["roles"], organisationId: number | null = 1): Person => ({
  kind: "person",
  id: 9,
  name: "P",
  email: "p@example.org",
  roles,
  organisationId,
  organisationAcronym: organisationId ? "ESA" : null,
});

describe("pages policy", () => {
  it("only the secretariat and the command line may manage pages", () => {
    expect(canEditPages(person(["secretariat"], null))).toBe(true);
    expect(canEditPages(systemActor("seed"))).toBe(true);
  });

  it("visitors, members, focal points and chairs may not", () => {
    expect(canEditPages(visitor)).toBe(false);
    for (const roles of [["member"], ["member", "focal_point"], ["member", "chair"]] as Person["roles"][]) {
      expect(canEditPages(person(roles))).toBe(false);
    }
  });
});
