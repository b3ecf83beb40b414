import { type Actor, hasRole } from "../../http/actor.js";

/** Only the secretariat sees the outbox (delivery state, masked recipients). */
export const canSeeOutbox = (actor: Actor) => hasRole(actor, "secretariat");
