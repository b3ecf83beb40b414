import { type Actor, isSignedIn } from "../../../http/actor.js";

/** The gap analysis and the heat map show every agency's TRLs: any signed-in member of the forum reads them. */
export const canReadGapAnalysis = (actor: Actor) => isSignedIn(actor) || actor.kind === "system";
