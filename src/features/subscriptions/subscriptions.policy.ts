import { type Actor, hasRole } from "../../http/actor.js";

/** Only the secretariat sees how many people subscribe (counts only, never the addresses). */
export const canSeeSubscriberCounts = (actor: Actor) => hasRole(actor, "secretariat");
