import { describe, expect, it } from "vitest";
import type { Person } from "../../../http/actor.js";
import { systemActor, visitor } from "../../../http/actor.js";
import { canDownloadMatrix, canEndorseProduct, canReadProductHistory } from "./endorsement.policy.js";

const person = (roles: Person["roles"], organisationId: number | null = 1): Person => ({
  kind: "person",
  id: 7,
  name: "P",
  email: "p@example.org",
  organisationId,
  organisationAcronym: organisationId ? "ESA" : null,
  roles,
});

describe("endorsement policies", () => {
  it("only the secretariat (and the command line) endorse and publish a product", () => {
    expect(canEndorseProduct(person(["secretariat"], null))).toBe(true);
    expect(canEndorseProduct(systemActor())).toBe(true);
    for (const roles of [["member"], ["member", "focal_point"], ["member", "chair"]] as const) {
      expect(canEndorseProduct(person([...roles]))).toBe(false);
    }
    expect(canEndorseProduct(visitor)).toBe(false);
  });

  it("every signed-in member reads the history and downloads the matrix; visitors do not", () => {
    for (const check of [canReadProductHistory, canDownloadMatrix]) {
      expect(check(person(["member"]))).toBe(true);
      expect(check(person(["secretariat"], null))).toBe(true);
      expect(check(visitor)).toBe(false);
    }
  });
});
