import { type Actor, hasRole } from "../../http/actor.js";

/** The secretariat edits content pages. */
export const canEditPages = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");
