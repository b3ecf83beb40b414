import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/index.js";
import { type Actor, systemActor, visitor } from "../../http/actor.js";
import {
  canAddMission,
  canChooseMissionLead,
  canDecideProposal,
  canEditMission,
  canProposeMissionChange,
  canReadMissions,
} from "./roadmap.policy.js";

const person = (roles: Role[], organisationId: number | null): Actor => ({
  kind: "person",
  id: 1,
  name: "P",
  email: "p@example.org",
  roles,
  organisationId,
  organisationAcronym: organisationId ? `ORG${organisationId}` : null,
});

const LEAD = 1;
const PARTNER = 2;
const OTHER = 3;
const mission = { leadOrganisationId: LEAD, partners: [{ id: PARTNER }] };
const nonMemberLed = { leadOrganisationId: null, partners: [{ id: PARTNER }] };

describe("mission policies", () => {
  it("lets the lead agency's focal points and the secretariat edit a mission", () => {
    expect(canEditMission(person(["member", "focal_point"], LEAD), mission)).toBe(true);
    expect(canEditMission(person(["secretariat"], null), mission)).toBe(true);
    expect(canEditMission(systemActor(), mission)).toBe(true);
  });

  it("does not let a partner's or another agency's focal point edit a mission", () => {
    expect(canEditMission(person(["member", "focal_point"], PARTNER), mission)).toBe(false);
    expect(canEditMission(person(["member", "focal_point"], OTHER), mission)).toBe(false);
  });

  it("does not let plain members, chairs or visitors of the lead agency edit", () => {
    expect(canEditMission(person(["member"], LEAD), mission)).toBe(false);
    expect(canEditMission(person(["member", "chair"], LEAD), mission)).toBe(false);
    expect(canEditMission(visitor, mission)).toBe(false);
  });

  it("leaves missions led by a non-member to the secretariat", () => {
    expect(canEditMission(person(["focal_point"], LEAD), nonMemberLed)).toBe(false);
    expect(canEditMission(person(["secretariat"], null), nonMemberLed)).toBe(true);
  });

  it("lets a partner's focal point propose a change, and no one else", () => {
    expect(canProposeMissionChange(person(["member", "focal_point"], PARTNER), mission)).toBe(true);
    expect(canProposeMissionChange(person(["member"], PARTNER), mission)).toBe(false);
    expect(canProposeMissionChange(person(["member", "focal_point"], OTHER), mission)).toBe(false);
    expect(canProposeMissionChange(person(["member", "focal_point"], LEAD), mission)).toBe(false);
    expect(canProposeMissionChange(visitor, mission)).toBe(false);
  });

  it("lets whoever may edit decide proposals", () => {
    expect(canDecideProposal(person(["focal_point"], LEAD), mission)).toBe(true);
    expect(canDecideProposal(person(["focal_point"], PARTNER), mission)).toBe(false);
    expect(canDecideProposal(person(["secretariat"], null), mission)).toBe(true);
  });

  it("lets focal points add missions for their agency and only the secretariat choose any lead", () => {
    expect(canAddMission(person(["focal_point"], OTHER))).toBe(true);
    expect(canAddMission(person(["member"], OTHER))).toBe(false);
    expect(canAddMission(visitor)).toBe(false);
    expect(canChooseMissionLead(person(["focal_point"], LEAD))).toBe(false);
    expect(canChooseMissionLead(person(["secretariat"], null))).toBe(true);
    expect(canReadMissions(person(["member"], OTHER))).toBe(true);
    expect(canReadMissions(visitor)).toBe(false);
  });
});
