import { type Actor, hasRole, isSignedIn } from "../../auth/actor.js";

const isSecretariat = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");

/** The gap analysis and the heat map show every agency's TRLs: any signed-in member of the forum reads them. */
export const canReadGapAnalysis = (actor: Actor) => isSignedIn(actor) || actor.kind === "system";

/** Gap assessment reports are written by the secretariat for the Technology Working Group. */
export const canManageAssessments = (actor: Actor) => isSecretariat(actor);

/** How much of the heat map the public sees is the secretariat's call alone. */
export const canSetPublicTechnologyDetail = (actor: Actor) => isSecretariat(actor);
