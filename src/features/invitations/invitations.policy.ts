import type { Role } from "../../db/schema/index.js";
import { type Actor, hasRole } from "../../http/actor.js";

/** The secretariat invites anyone; a focal point invites people of their own agency. */
export const canSeeInvitations = (actor: Actor) =>
  actor.kind === "person" &&
  actor.token === undefined &&
  (hasRole(actor, "secretariat") || (hasRole(actor, "focal_point") && actor.organisationId !== null));

/**
 * Whether the actor may invite (or resend, withdraw) someone into this agency with these roles: the
 * secretariat anyone with any roles; a focal point only members of their own agency.
 */
export function canInvite(actor: Actor, organisationId: number | null, roles: Role[]): boolean {
  if (!canSeeInvitations(actor) || actor.kind !== "person") return false;
  if (hasRole(actor, "secretariat")) return true;
  return organisationId === actor.organisationId && roles.every((r) => r === "member");
}
