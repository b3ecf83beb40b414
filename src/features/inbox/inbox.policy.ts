import { type Actor, hasRole, isSignedIn } from "../../http/actor.js";

/** The secretariat triages public input, forwards it and answers the sender. */
export const canManageInbox = (actor: Actor) => hasRole(actor, "secretariat");

/** Anyone signed in has an inbox: the secretariat's triage, or their agency's forwarded input. */
export const canOpenInbox = (actor: Actor) =>
  canManageInbox(actor) || (isSignedIn(actor) && actor.organisationId !== null);

/**
 * A message (with the sender's personal data) is read by the secretariat and by the people of the
 * agencies it was forwarded to, never by anyone else.
 */
export const canReadInput = (actor: Actor, forwardedTo: number[]) =>
  canManageInbox(actor) ||
  (isSignedIn(actor) && actor.organisationId !== null && forwardedTo.includes(actor.organisationId));

/** Any person of a receiving agency marks a message read or acknowledges it. */
export const canAcknowledgeInput = (actor: Actor, organisationId: number) =>
  isSignedIn(actor) && actor.organisationId === organisationId;

/** Interest and replies are the agency's word: its focal points speak for it (national prerogative). */
export const canAnswerForAgency = (actor: Actor, organisationId: number) =>
  canAcknowledgeInput(actor, organisationId) && hasRole(actor, "focal_point");
