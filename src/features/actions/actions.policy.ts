import { type Actor, hasRole } from "../../http/actor.js";
import { canManageGroup, type GroupChairing } from "../groups/groups.policy.js";

const isSecretariat = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");

/** What the action policies need to know about an action. */
export type ActionOwnership = {
  ownerOrganisationId: number | null;
  ownerPersonId: number | null;
  /** The group the action belongs to (directly or through the meeting that raised it). */
  group: GroupChairing | null;
};

/** The secretariat raises actions anywhere; a chair raises actions in the groups they chair. */
export const canRaiseActions = (actor: Actor) => isSecretariat(actor) || hasRole(actor, "chair");

/** The secretariat manages every action; a group's chair manages the actions of that group. */
export const canManageAction = (actor: Actor, action: Pick<ActionOwnership, "group">) =>
  isSecretariat(actor) || (action.group !== null && canManageGroup(actor, action.group));

/** True when the person owns the action, or speaks (as focal point) for the owning agency. */
export const isActionOwner = (actor: Actor, action: ActionOwnership) =>
  actor.kind === "person" &&
  (action.ownerPersonId === actor.id ||
    (action.ownerOrganisationId !== null &&
      action.ownerOrganisationId === actor.organisationId &&
      hasRole(actor, "focal_point")));

/** The owner updates the status with a note; managers may too. */
export const canUpdateActionStatus = (actor: Actor, action: ActionOwnership) =>
  canManageAction(actor, action) || isActionOwner(actor, action);
