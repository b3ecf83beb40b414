import { type Actor, hasRole, isSignedIn } from "../../http/actor.js";

/** Any signed-in person may read the private area (members' directory with contacts). */
export const canReadPrivateArea = (actor: Actor) => isSignedIn(actor);

/** Only the secretariat adds and edits organisations, people and chair terms. */
export const canManageDirectory = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");

/** National prerogative: an agency's own profile is changed by its focal points (or the secretariat). */
export const canEditAgencyProfile = (actor: Actor, organisationId: number) =>
  canManageDirectory(actor) ||
  (actor.kind === "person" && hasRole(actor, "focal_point") && actor.organisationId === organisationId);

/** Contact details (e-mail) are for signed-in people only. */
export const canSeeContactDetails = (actor: Actor) => isSignedIn(actor);

/** The audit log is the secretariat's. */
export const canReadAuditLog = (actor: Actor) => hasRole(actor, "secretariat");
