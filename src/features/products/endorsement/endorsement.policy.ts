import { type Actor, hasRole, isSignedIn } from "../../../http/actor.js";

/**
 * Endorsement and publication are the secretariat's: it records the SAM decision and publishes the
 * product for the forum (the command line acts as the system).
 */
export const canEndorseProduct = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");

/** Every signed-in member reads a product's history (entries that reveal hidden work are filtered). */
export const canReadProductHistory = (actor: Actor) => isSignedIn(actor);

/** Every signed-in member downloads a round's comment resolution matrix (submitted comments only). */
export const canDownloadMatrix = (actor: Actor) => isSignedIn(actor);
