import { type Actor, hasRole } from "../../http/actor.js";

/** What the edition policies need to know about an edition. */
export type EditionRef = { status: "draft" | "published" };

const isSecretariat = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");

/** The secretariat freezes, publishes and deletes editions. */
export const canManageEditions = (actor: Actor) => isSecretariat(actor);

/** Anyone reads a published edition; drafts only the secretariat. */
export const canReadEdition = (actor: Actor, edition: EditionRef) =>
  edition.status === "published" || isSecretariat(actor);

/** A published edition is a record of what the forum agreed: nobody changes or deletes it. */
export const isEditionChangeable = (edition: EditionRef) => edition.status === "draft";
