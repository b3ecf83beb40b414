import { describe, expect, it } from "vitest";
import type { Person } from "../../http/actor.js";
import {
  canAcknowledgeInput,
  canAnswerForAgency,
  canManageInbox,
  canOpenInbox,
  canReadInput,
} from "./inbox.policy.js";
import { contactInput, forwardInput, tagList } from "./inbox.schemas.js";
import { startedToken, statusToken, verifyStartedToken, verifyStatusToken } from "./inbox.tokens.service.js";

const person = (roles: Person["roles"], organisationId: number | null): Person => ({
  kind: "person",
  id: 1,
  name: "P",
  email: "p@example.org",
  organisationId,
  organisationAcronym: organisationId ? "ESA" : null,
  roles,
});
const ESA = 1;
const JAXA = 2;

describe("public input policies", () => {
  it("only the secretariat triages", () => {
    expect(canManageInbox(person(["secretariat"], null))).toBe(true);
    expect(canManageInbox(person(["member", "focal_point"], ESA))).toBe(false);
    expect(canManageInbox({ kind: "visitor" })).toBe(false);
  });

  it("visitors have no inbox; members of an agency and the secretariat do", () => {
    expect(canOpenInbox({ kind: "visitor" })).toBe(false);
    expect(canOpenInbox(person(["member"], ESA))).toBe(true);
    expect(canOpenInbox(person(["secretariat"], null))).toBe(true);
  });

  it("a message is read by the secretariat and the agencies it went to, never by another agency", () => {
    expect(canReadInput(person(["secretariat"], null), [])).toBe(true);
    expect(canReadInput(person(["member"], ESA), [ESA])).toBe(true);
    expect(canReadInput(person(["member", "focal_point"], JAXA), [ESA])).toBe(false);
    expect(canReadInput({ kind: "visitor" }, [ESA])).toBe(false);
  });

  it("any person of the agency acknowledges; only its focal points speak for it", () => {
    expect(canAcknowledgeInput(person(["member"], ESA), ESA)).toBe(true);
    expect(canAcknowledgeInput(person(["member"], JAXA), ESA)).toBe(false);
    expect(canAnswerForAgency(person(["member"], ESA), ESA)).toBe(false);
    expect(canAnswerForAgency(person(["member", "focal_point"], ESA), ESA)).toBe(true);
    expect(canAnswerForAgency(person(["member", "focal_point"], JAXA), ESA)).toBe(false);
    expect(canAnswerForAgency(person(["secretariat"], null), ESA)).toBe(false);
  });
});

describe("public input tokens and shapes", () => {
  it("a status token names its message and cannot be forged or moved", () => {
    const token = statusToken("s1", 42);
    expect(verifyStatusToken("s1", token)).toBe(42);
    expect(verifyStatusToken("s2", token)).toBeNull();
    expect(verifyStatusToken("s1", token.replace(/^42\./, "43."))).toBeNull();
    expect(verifyStatusToken("s1", undefined)).toBeNull();
  });

  it("the form's start time cannot be forged", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(verifyStartedToken("s1", startedToken("s1", at))?.getTime()).toBe(at.getTime());
    expect(verifyStartedToken("s2", startedToken("s1", at))).toBeNull();
    expect(verifyStartedToken("s1", "1.abc")).toBeNull();
  });

  it("the form needs consent, a kind and a valid address", () => {
    const good = {
      name: "A",
      email: "a@example.org",
      kind: "company",
      topic: "Other",
      subject: "S",
      message: "M",
      consent: "on",
    };
    expect(contactInput.safeParse(good).success).toBe(true);
    expect(contactInput.safeParse({ ...good, consent: undefined }).success).toBe(false);
    expect(contactInput.safeParse({ ...good, kind: "robot" }).success).toBe(false);
    expect(contactInput.safeParse({ ...good, email: "nope" }).success).toBe(false);
  });

  it("forwarding to chosen agencies needs a reason; tags are tidied", () => {
    expect(forwardInput.safeParse({}).success).toBe(true);
    expect(forwardInput.safeParse({ agencies: ["ESA"] }).success).toBe(false);
    expect(forwardInput.safeParse({ agencies: "ESA", reason: "Only ESA" }).success).toBe(true);
    expect(tagList.parse(" ISRU, isru ,, Regolith ")).toEqual(["isru", "regolith"]);
  });
});
