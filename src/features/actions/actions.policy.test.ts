import { describe, expect, it } from "vitest";
import type { Actor, Person } from "../../http/actor.js";
import { feedIncludesMeeting } from "../calendar/calendar.policy.js";
import { canManageAction, canRaiseActions, canUpdateActionStatus, isActionOwner } from "./actions.policy.js";

const person = (id: number, roles: Person["roles"], organisationId: number | null = 1): Person => ({
  kind: "person",
  id,
  name: "P",
  email: "p@example.org",
  roles,
  organisationId,
  organisationAcronym: organisationId ? "X" : null,
});
const visitor: Actor = { kind: "visitor" };
const groupAction = { ownerOrganisationId: 1, ownerPersonId: null, group: { chairPersonIds: [5] } };
const forumAction = { ownerOrganisationId: 2, ownerPersonId: 9, group: null };

describe("action policies", () => {
  it("visitors see and change nothing", () => {
    expect([canRaiseActions(visitor), canManageAction(visitor, groupAction)]).toEqual([false, false]);
    expect(canUpdateActionStatus(visitor, groupAction)).toBe(false);
  });

  it("the secretariat raises and manages every action", () => {
    const sec = person(1, ["secretariat"], null);
    expect([
      canRaiseActions(sec),
      canManageAction(sec, groupAction),
      canManageAction(sec, forumAction),
    ]).toEqual([true, true, true]);
  });

  it("a chair manages the actions of the group they chair, not others nor forum-wide ones", () => {
    const chair = person(5, ["member", "chair"]);
    const otherChair = person(6, ["member", "chair"]);
    expect(canRaiseActions(chair)).toBe(true);
    expect(canManageAction(chair, groupAction)).toBe(true);
    expect(canManageAction(otherChair, groupAction)).toBe(false);
    expect(canManageAction(chair, forumAction)).toBe(false);
  });

  it("a person listed as chair without the chair role manages nothing", () => {
    expect(canManageAction(person(5, ["member"]), groupAction)).toBe(false);
  });

  it("the owner person and the owning agency's focal points update the status; plain members do not", () => {
    expect(isActionOwner(person(9, ["member"], 2), forumAction)).toBe(true);
    expect(canUpdateActionStatus(person(3, ["member", "focal_point"], 2), forumAction)).toBe(true);
    expect(canUpdateActionStatus(person(3, ["member"], 2), forumAction)).toBe(false);
    expect(canUpdateActionStatus(person(3, ["member", "focal_point"], 1), forumAction)).toBe(false);
    expect(canUpdateActionStatus(person(3, ["member", "focal_point"], 1), groupAction)).toBe(true);
  });
});

describe("which meetings a personal calendar lists", () => {
  const agencyGroups = new Set([10]);
  const chaired = new Set([20]);
  const owner = { id: 1, organisationId: 1, roles: ["member"] };
  it("forum-wide meetings for everyone, and the groups of the person's agency or chair", () => {
    expect(feedIncludesMeeting(owner, { groupId: null }, agencyGroups, chaired)).toBe(true);
    expect(feedIncludesMeeting(owner, { groupId: 10 }, agencyGroups, chaired)).toBe(true);
    expect(feedIncludesMeeting(owner, { groupId: 20 }, agencyGroups, chaired)).toBe(true);
    expect(feedIncludesMeeting(owner, { groupId: 30 }, agencyGroups, chaired)).toBe(false);
  });
  it("the secretariat's calendar has every meeting", () => {
    const sec = { id: 2, organisationId: null, roles: ["secretariat"] };
    expect(feedIncludesMeeting(sec, { groupId: 30 }, new Set(), new Set())).toBe(true);
  });
});
