import { type Actor, hasRole } from "../../http/actor.js";

/** The secretariat writes, reorders and deletes the FAQ. */
export const canManageFaq = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");
