import { type Actor, hasRole } from "../../http/actor.js";

/** Tokens are managed by people signed in on the website, never by a request holding a token. */
const signedInInPerson = (actor: Actor) => actor.kind === "person" && actor.token === undefined;

/** The tokens page is for focal points (their agency's tokens) and the secretariat (every agency's). */
export const canSeeTokens = (actor: Actor) =>
  signedInInPerson(actor) &&
  (hasRole(actor, "secretariat") ||
    (hasRole(actor, "focal_point") && actor.kind === "person" && actor.organisationId !== null));

/** Creating or revoking a token of an agency: that agency's focal points and the secretariat. */
export const canManageTokensOf = (actor: Actor, organisationId: number) =>
  signedInInPerson(actor) &&
  actor.kind === "person" &&
  (hasRole(actor, "secretariat") ||
    (hasRole(actor, "focal_point") && actor.organisationId === organisationId));

/** Only the secretariat chooses another agency for a token; a focal point's are for their own. */
export const canChooseTokenAgency = (actor: Actor) =>
  signedInInPerson(actor) && hasRole(actor, "secretariat");
