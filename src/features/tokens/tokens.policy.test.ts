import { describe, expect, it } from "vitest";
import type { Actor, Person } from "../../http/actor.js";
import { canChooseTokenAgency, canManageTokensOf, canSeeTokens } from "./tokens.policy.js";

const person = (
  roles: Person["roles"],
  organisationId: number | null,
  extra: Partial<Person> = {},
): Person => ({
  kind: "person",
  id: 1,
  name: "P",
  email: "p@example.org",
  organisationId,
  organisationAcronym: organisationId ? "ESA" : null,
  roles,
  ...extra,
});
const visitor: Actor = { kind: "visitor" };

describe("who manages API tokens", () => {
  it("lets a focal point manage their own agency's tokens and no other agency's", () => {
    const fp = person(["focal_point"], 7);
    expect(canSeeTokens(fp)).toBe(true);
    expect(canManageTokensOf(fp, 7)).toBe(true);
    expect(canManageTokensOf(fp, 8)).toBe(false);
    expect(canChooseTokenAgency(fp)).toBe(false);
  });

  it("lets the secretariat manage every agency's tokens", () => {
    const sec = person(["secretariat"], null);
    expect(canSeeTokens(sec)).toBe(true);
    expect(canManageTokensOf(sec, 8)).toBe(true);
    expect(canChooseTokenAgency(sec)).toBe(true);
  });

  it("refuses members, chairs and visitors", () => {
    for (const actor of [person(["member"], 7), person(["chair"], 7), visitor]) {
      expect(canSeeTokens(actor)).toBe(false);
      expect(canManageTokensOf(actor, 7)).toBe(false);
    }
  });

  it("refuses a request made with a token, even one acting as a focal point", () => {
    const viaToken = person(["focal_point"], 7, { token: { id: 3, name: "sync" } });
    expect(canSeeTokens(viaToken)).toBe(false);
    expect(canManageTokensOf(viaToken, 7)).toBe(false);
  });
});
