import { describe, expect, it } from "vitest";
import type { Actor, Person } from "../../http/actor.js";
import { systemActor, visitor } from "../../http/actor.js";
import {
  canAddCapabilities,
  canAddNeeds,
  canEditCapability,
  canEditNeed,
  canEditTechnologyList,
  canManageDemoData,
  canReadCapabilities,
  canReadNeeds,
  canReadTechnologyList,
} from "./technology.policy.js";

const person = (roles: Person["roles"], organisationId: number | null): Actor => ({
  kind: "person",
  id: 1,
  name: "P",
  email: "p@example.org",
  roles,
  organisationId,
  organisationAcronym: organisationId ? "ESA" : null,
});
const ESA = 1;
const JAXA = 2;
const member = person(["member"], ESA);
const focalPoint = person(["member", "focal_point"], ESA);
const otherFocalPoint = person(["member", "focal_point"], JAXA);
const chair = person(["member", "chair"], JAXA);
const secretariat = person(["secretariat"], null);

describe("technology policies", () => {
  it("visitors read neither the private list, capabilities nor needs", () => {
    expect(canReadTechnologyList(visitor)).toBe(false);
    expect(canReadCapabilities(visitor)).toBe(false);
    expect(canReadNeeds(visitor)).toBe(false);
  });

  it("every signed-in member reads all agencies' capabilities and needs", () => {
    for (const a of [member, focalPoint, otherFocalPoint, chair, secretariat]) {
      expect(canReadCapabilities(a)).toBe(true);
      expect(canReadNeeds(a)).toBe(true);
    }
  });

  it("only the secretariat edits the controlled vocabulary", () => {
    expect(canEditTechnologyList(secretariat)).toBe(true);
    for (const a of [member, focalPoint, chair]) {
      expect(canEditTechnologyList(a)).toBe(false);
    }
  });

  it("a focal point edits their own agency's capability and not another agency's", () => {
    expect(canEditCapability(focalPoint, { organisationId: ESA })).toBe(true);
    expect(canEditCapability(otherFocalPoint, { organisationId: ESA })).toBe(false);
    expect(canEditCapability(member, { organisationId: ESA })).toBe(false);
    expect(canEditCapability(chair, { organisationId: JAXA })).toBe(false);
    expect(canEditCapability(secretariat, { organisationId: JAXA })).toBe(true);
    expect(canAddCapabilities(member)).toBe(false);
    expect(canAddCapabilities(otherFocalPoint)).toBe(true);
  });

  it("a mission's needs belong to its lead agency's focal points; elements to chairs", () => {
    const esaMission = { missionId: 5, leadOrganisationId: ESA };
    const element = { missionId: null, leadOrganisationId: null };
    expect(canEditNeed(focalPoint, esaMission)).toBe(true);
    expect(canEditNeed(otherFocalPoint, esaMission)).toBe(false);
    expect(canEditNeed(chair, esaMission)).toBe(false);
    expect(canEditNeed(member, esaMission)).toBe(false);
    expect(canEditNeed(chair, element)).toBe(true);
    expect(canEditNeed(focalPoint, element)).toBe(false);
    expect(canEditNeed(secretariat, element)).toBe(true);
    expect(canEditNeed(focalPoint, { missionId: 6, leadOrganisationId: null })).toBe(false);
    expect(canAddNeeds(member)).toBe(false);
  });

  it("the demonstration dataset is the command line's alone", () => {
    expect(canManageDemoData(systemActor("cli"))).toBe(true);
    expect(canManageDemoData(secretariat)).toBe(false);
  });
});
