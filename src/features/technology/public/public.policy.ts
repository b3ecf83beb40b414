import { type Actor, hasRole } from "../../../http/actor.js";

/** How much of the heat map the public sees is the secretariat's call alone. */
export const canSetPublicTechnologyDetail = (actor: Actor) =>
  actor.kind === "system" || hasRole(actor, "secretariat");
