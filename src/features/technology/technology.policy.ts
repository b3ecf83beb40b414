import { type Actor, hasRole, isSignedIn } from "../../http/actor.js";

const isSecretariat = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");
const isFocalPointOf = (actor: Actor, organisationId: number | null) =>
  organisationId !== null &&
  actor.kind === "person" &&
  hasRole(actor, "focal_point") &&
  actor.organisationId === organisationId;

/** Any signed-in person reads the Critical Technology List in the private area (it is public too). */
export const canReadTechnologyList = (actor: Actor) => isSignedIn(actor) || actor.kind === "system";

/** Only the secretariat keeps the controlled vocabulary: areas and technologies. */
export const canEditTechnologyList = (actor: Actor) => isSecretariat(actor);

/**
 * Capabilities (TRLs) are shared inside the forum: every signed-in member of any member agency
 * reads every agency's, as the private gap analysis and heat map show them all. Visitors never do.
 */
export const canReadCapabilities = (actor: Actor) => isSignedIn(actor) || actor.kind === "system";

/** National prerogative: only the agency's own focal points (and the secretariat) change its capabilities. */
export const canEditCapability = (actor: Actor, capability: { organisationId: number }) =>
  isSecretariat(actor) || isFocalPointOf(actor, capability.organisationId);

/** Who sees an "add capability" action at all: focal points of an agency and the secretariat. */
export const canAddCapabilities = (actor: Actor) =>
  isSecretariat(actor) ||
  (actor.kind === "person" && hasRole(actor, "focal_point") && actor.organisationId !== null);

/** Needs are read by every signed-in person. */
export const canReadNeeds = (actor: Actor) => isSignedIn(actor) || actor.kind === "system";

/**
 * A mission's needs are set by the focal points of the mission's lead agency and the secretariat;
 * needs of an architecture element (no mission) by the secretariat and working-group chairs.
 */
export const canEditNeed = (
  actor: Actor,
  need: { missionId: number | null; leadOrganisationId: number | null },
) =>
  isSecretariat(actor) ||
  (need.missionId === null ? hasRole(actor, "chair") : isFocalPointOf(actor, need.leadOrganisationId));

/** Who sees an "add need" action: focal points, chairs and the secretariat. */
export const canAddNeeds = (actor: Actor) =>
  isSecretariat(actor) || hasRole(actor, "chair") || hasRole(actor, "focal_point");

/** The demonstration dataset is loaded and removed by the command line only (the system). */
export const canManageDemoData = (actor: Actor) => actor.kind === "system";
