import type { MeetingMode, RegistrationMode } from "../../db/schema/index.js";
import { type Actor, isSignedIn } from "../../http/actor.js";
import type { GroupChairing } from "../groups/groups.policy.js";
import { canManageMeeting } from "../meetings/meetings.policy.js";

type MeetingForPolicy = { startsAt: Date; mode: MeetingMode; group: GroupChairing | null };

/** Agenda, decisions, minutes and who attended are managed by the secretariat or the group's chair. */
export const canManageMeetingWork = (actor: Actor, meeting: { group: GroupChairing | null }) =>
  canManageMeeting(actor, meeting);

/** How one may attend: in person only when the meeting has a room, virtually only when it has a call. */
export function attendanceModesFor(mode: MeetingMode): RegistrationMode[] {
  if (mode === "in_person") return ["in_person"];
  if (mode === "virtual") return ["virtual"];
  return ["in_person", "virtual"];
}

/** A signed-in person registers, changes or cancels their own registration until the meeting starts. */
export const canRegister = (actor: Actor, meeting: MeetingForPolicy, now: Date) =>
  isSignedIn(actor) && now.getTime() < meeting.startsAt.getTime();

/** Minutes are approved at a later meeting: one that starts after the meeting they record. */
export const canApproveMinutesAt = (
  actor: Actor,
  meeting: { startsAt: Date; group: GroupChairing | null },
  approving: { startsAt: Date },
) => canManageMeetingWork(actor, meeting) && approving.startsAt.getTime() > meeting.startsAt.getTime();
