import { type Actor, hasRole, isSignedIn } from "../../http/actor.js";

/** What the mission policies need to know about a mission. */
export type MissionRef = { leadOrganisationId: number | null; partners: Array<{ id: number }> };

const isSecretariat = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");
const isFocalPointOf = (actor: Actor, organisationId: number | null) =>
  organisationId !== null &&
  actor.kind === "person" &&
  hasRole(actor, "focal_point") &&
  actor.organisationId === organisationId;

/** Any signed-in person may read the private mission pages. */
export const canReadMissions = (actor: Actor) => isSignedIn(actor);

/** National prerogative: only the lead agency's focal points (and the secretariat) change a mission. */
export const canEditMission = (actor: Actor, mission: Pick<MissionRef, "leadOrganisationId">) =>
  isSecretariat(actor) || isFocalPointOf(actor, mission.leadOrganisationId);

/** Focal points add missions led by their own agency; the secretariat adds any. */
export const canAddMission = (actor: Actor) =>
  isSecretariat(actor) ||
  (actor.kind === "person" && hasRole(actor, "focal_point") && actor.organisationId !== null);

/** Importing missions from a file: whoever may add missions; each row is then checked like an edit. */
export const canImportMissions = (actor: Actor) => canAddMission(actor);

/** Who may set or change which agency leads a mission: the secretariat only. */
export const canChooseMissionLead = (actor: Actor) => isSecretariat(actor);

/** A partner agency's focal point cannot edit the mission but may propose a change to the lead. */
export const canProposeMissionChange = (actor: Actor, mission: MissionRef) =>
  !canEditMission(actor, mission) && mission.partners.some((p) => isFocalPointOf(actor, p.id));

/** Proposals are accepted or declined by whoever may edit the mission. */
export const canDecideProposal = (actor: Actor, mission: Pick<MissionRef, "leadOrganisationId">) =>
  canEditMission(actor, mission);
