import { type Actor, hasRole } from "../../../http/actor.js";

/** Gap assessment reports are written by the secretariat for the Technology Working Group. */
export const canManageAssessments = (actor: Actor) =>
  actor.kind === "system" || hasRole(actor, "secretariat");
