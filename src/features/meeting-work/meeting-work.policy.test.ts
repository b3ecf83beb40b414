import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/index.js";
import { type Actor, type Person, systemActor, visitor } from "../../http/actor.js";
import {
  attendanceModesFor,
  canApproveMinutesAt,
  canManageMeetingWork,
  canRegister,
} from "./meeting-work.policy.js";

const person = (id: number, roles: Role[], org: string | null = "ESA"): Person => ({
  kind: "person",
  id,
  name: `P${id}`,
  email: `p${id}@example.org`,
  roles,
  organisationId: org ? 1 : null,
  organisationAcronym: org,
});
const member = person(1, ["member"]);
const focalPoint = person(2, ["member", "focal_point"]);
const chair = person(3, ["member", "chair"]);
const otherChair = person(4, ["member", "chair"], "JAXA");
const secretariat = person(5, ["secretariat"], null);
const start = new Date("2031-03-29T08:00:00Z");
const groupMeeting = { startsAt: start, mode: "hybrid" as const, group: { chairPersonIds: [3] } };
const samMeeting = { ...groupMeeting, group: null };

describe("meeting work policies", () => {
  it("the secretariat manages every meeting; a chair only their own group's", () => {
    expect(canManageMeetingWork(secretariat, samMeeting)).toBe(true);
    expect(canManageMeetingWork(secretariat, groupMeeting)).toBe(true);
    expect(canManageMeetingWork(chair, groupMeeting)).toBe(true);
    expect(canManageMeetingWork(chair, samMeeting)).toBe(false);
    expect(canManageMeetingWork(otherChair, groupMeeting)).toBe(false);
    expect(canManageMeetingWork(systemActor(), samMeeting)).toBe(true);
  });

  it("members and focal points do not manage meetings, nor do visitors", () => {
    for (const a of [member, focalPoint, visitor] as Actor[]) {
      expect(canManageMeetingWork(a, groupMeeting)).toBe(false);
      expect(canManageMeetingWork(a, samMeeting)).toBe(false);
    }
  });

  it("anyone signed in registers until the meeting starts, never after", () => {
    expect(canRegister(member, samMeeting, new Date("2031-03-29T07:59:00Z"))).toBe(true);
    expect(canRegister(member, samMeeting, start)).toBe(false);
    expect(canRegister(visitor, samMeeting, new Date("2031-01-01T00:00:00Z"))).toBe(false);
  });

  it("in person is offered only when the meeting has a room, virtual only when it has a call", () => {
    expect(attendanceModesFor("in_person")).toEqual(["in_person"]);
    expect(attendanceModesFor("virtual")).toEqual(["virtual"]);
    expect(attendanceModesFor("hybrid")).toEqual(["in_person", "virtual"]);
  });

  it("minutes are approved by a manager at a meeting that starts later", () => {
    const later = { startsAt: new Date("2031-06-01T08:00:00Z") };
    const earlier = { startsAt: new Date("2030-06-01T08:00:00Z") };
    expect(canApproveMinutesAt(secretariat, samMeeting, later)).toBe(true);
    expect(canApproveMinutesAt(secretariat, samMeeting, earlier)).toBe(false);
    expect(canApproveMinutesAt(secretariat, samMeeting, { startsAt: start })).toBe(false);
    expect(canApproveMinutesAt(chair, groupMeeting, later)).toBe(true);
    expect(canApproveMinutesAt(otherChair, groupMeeting, later)).toBe(false);
    expect(canApproveMinutesAt(member, samMeeting, later)).toBe(false);
  });
});
