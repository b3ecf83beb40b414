import { type Actor, hasRole } from "../../http/actor.js";

/** The secretariat (and the command line) add, change and delete publications and their files. */
export const canManagePublications = (actor: Actor) =>
  actor.kind === "system" || hasRole(actor, "secretariat");
