import { type Actor, hasRole } from "../../http/actor.js";

/** What a group policy needs to know: the people who chair it. */
export type GroupChairing = { chairPersonIds: number[] };

const isSecretariat = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");

/** Only the secretariat creates groups and appoints or removes chairs. */
export const canCreateGroup = (actor: Actor) => isSecretariat(actor);

/** The secretariat, or a person with the chair role who chairs this very group. */
export const canManageGroup = (actor: Actor, group: GroupChairing) =>
  isSecretariat(actor) ||
  (actor.kind === "person" && hasRole(actor, "chair") && group.chairPersonIds.includes(actor.id));
