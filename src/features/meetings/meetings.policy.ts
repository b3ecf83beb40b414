import { type Actor, hasRole, isSignedIn } from "../../http/actor.js";
import { canManageGroup, type GroupChairing } from "../groups/groups.policy.js";

const isSecretariat = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");

/** The secretariat manages every meeting; a group's chair manages that group's meetings. */
export const canManageMeeting = (actor: Actor, meeting: { group: GroupChairing | null }) =>
  isSecretariat(actor) || (meeting.group !== null && canManageGroup(actor, meeting.group));

/** The secretariat plans any meeting; a chair plans meetings of the groups they chair. */
export const canPlanMeetings = (actor: Actor) => isSecretariat(actor) || hasRole(actor, "chair");

/** Attendance (which agencies came) is the secretariat's record. */
export const canRecordAttendance = (actor: Actor) => isSecretariat(actor);

/** The video link is for signed-in members only. */
export const canSeeVideoLink = (actor: Actor) => isSignedIn(actor);

/** Visitors see public meetings; signed-in people see all. */
export const canSeeMeeting = (actor: Actor, meeting: { public: boolean }) =>
  meeting.public || isSignedIn(actor) || actor.kind === "system";
