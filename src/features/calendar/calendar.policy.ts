import { type Actor, isSignedIn } from "../../http/actor.js";

/** Any signed-in person may subscribe to their own private calendar. */
export const canHaveCalendarFeed = (actor: Actor) => isSignedIn(actor);

/** Who a feed is for: their agency, roles and id. */
export type FeedOwner = { id: number; organisationId: number | null; roles: string[] };

/**
 * Which meetings a person's feed lists: forum-wide meetings (no group) for everyone; a group's
 * meetings for the agencies taking part in it and its chairs; the secretariat sees every meeting.
 */
export function feedIncludesMeeting(
  owner: FeedOwner,
  meeting: { groupId: number | null },
  agencyGroupIds: Set<number>,
  chairedGroupIds: Set<number>,
): boolean {
  if (owner.roles.includes("secretariat")) return true;
  if (meeting.groupId === null) return true;
  return agencyGroupIds.has(meeting.groupId) || chairedGroupIds.has(meeting.groupId);
}
