import { describe, expect, it } from "vitest";
import type { Actor } from "../../http/actor.js";
import { canManageEditions, canReadEdition, isEditionChangeable } from "./ger.policy.js";

const person = (roles: string[], organisationId: number | null = 1): Actor =>
  ({
    kind: "person",
    id: 1,
    name: "P",
    email: "p@example.org",
    roles,
    organisationId,
    organisationAcronym: organisationId ? "ESA" : null,
  }) as unknown as Actor;
const visitor = { kind: "visitor" } as Actor;

describe("edition policies", () => {
  it("only the secretariat manages editions", () => {
    expect(canManageEditions(person(["secretariat"], null))).toBe(true);
    expect(canManageEditions(person(["member", "focal_point"]))).toBe(false);
    expect(canManageEditions(person(["member", "chair"]))).toBe(false);
    expect(canManageEditions(visitor)).toBe(false);
  });

  it("anyone reads a published edition, only the secretariat a draft", () => {
    expect(canReadEdition(visitor, { status: "published" })).toBe(true);
    expect(canReadEdition(visitor, { status: "draft" })).toBe(false);
    expect(canReadEdition(person(["member", "focal_point"]), { status: "draft" })).toBe(false);
    expect(canReadEdition(person(["secretariat"], null), { status: "draft" })).toBe(true);
  });

  it("a published edition cannot be changed, a draft can", () => {
    expect(isEditionChangeable({ status: "published" })).toBe(false);
    expect(isEditionChangeable({ status: "draft" })).toBe(true);
  });
});
