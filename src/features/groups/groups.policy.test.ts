import { describe, expect, it } from "vitest";
import type { Actor, Person } from "../../http/actor.js";
import {
  canManageMeeting,
  canPlanMeetings,
  canRecordAttendance,
  canSeeMeeting,
  canSeeVideoLink,
} from "../meetings/meetings.policy.js";
import { canCreateGroup, canManageGroup } from "./groups.policy.js";

const person = (id: number, roles: Person["roles"]): Person => ({
  kind: "person",
  id,
  name: "P",
  email: "p@example.org",
  roles,
  organisationId: roles.includes("secretariat") ? null : 1,
  organisationAcronym: roles.includes("secretariat") ? null : "ESA",
});
const visitor: Actor = { kind: "visitor" };
const twg = { chairPersonIds: [5] };
const swg = { chairPersonIds: [6] };

describe("group and meeting policies", () => {
  it("the secretariat manages every group and meeting", () => {
    const sec = person(1, ["secretariat"]);
    expect([canCreateGroup(sec), canManageGroup(sec, twg), canManageMeeting(sec, { group: null })]).toEqual([
      true,
      true,
      true,
    ]);
    expect(canRecordAttendance(sec)).toBe(true);
  });

  it("a chair manages only the group they chair and its meetings", () => {
    const chair = person(5, ["member", "chair"]);
    expect(canManageGroup(chair, twg)).toBe(true);
    expect(canManageGroup(chair, swg)).toBe(false);
    expect(canManageMeeting(chair, { group: twg })).toBe(true);
    expect(canManageMeeting(chair, { group: swg })).toBe(false);
    expect(canManageMeeting(chair, { group: null })).toBe(false);
    expect([canCreateGroup(chair), canRecordAttendance(chair), canPlanMeetings(chair)]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("a person linked as chair without the chair role manages nothing", () => {
    expect(canManageGroup(person(5, ["member"]), twg)).toBe(false);
  });

  it("visitors see public meetings only and never the video link", () => {
    expect(canManageGroup(visitor, twg)).toBe(false);
    expect(canSeeVideoLink(visitor)).toBe(false);
    expect(canSeeMeeting(visitor, { public: true })).toBe(true);
    expect(canSeeMeeting(visitor, { public: false })).toBe(false);
    expect(canSeeVideoLink(person(2, ["member"]))).toBe(true);
  });
});
