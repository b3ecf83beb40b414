import { type Actor, hasRole } from "../../http/actor.js";

/** Where facts came from and how sure we are of them is the secretariat's to see and settle. */
export const canVerifyFacts = (actor: Actor) => hasRole(actor, "secretariat");
