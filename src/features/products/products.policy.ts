import { type Actor, hasRole, isSignedIn } from "../../http/actor.js";
import { canManageGroup } from "../groups/groups.policy.js";

/** What product policies need: the people chairing the lead group, and the product's stage. */
export type ProductRef = { leadChairPersonIds: number[]; status: "drafting" | "endorsed" | "published" };
/** What round policies need: who takes part, whether it is open, whether positions are hidden. */
export type RoundRef = { agencyIds: number[]; status: "open" | "closed"; hidePositions: boolean };
/** What comment policies need. */
export type CommentRef = { organisationId: number; authorId: number | null };

const isSecretariat = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");
const orgOf = (actor: Actor) => (actor.kind === "person" ? actor.organisationId : null);
const isFocalPointOf = (actor: Actor, organisationId: number) =>
  hasRole(actor, "focal_point") && orgOf(actor) === organisationId;
const takesPart = (actor: Actor, round: Pick<RoundRef, "agencyIds">) => {
  const org = orgOf(actor);
  return org !== null && round.agencyIds.includes(org);
};

/**
 * Every signed-in member of the forum reads drafts: reviews are open within the forum, and only
 * participating agencies comment or take positions.
 */
export const canReadProducts = (actor: Actor) => isSignedIn(actor);

/** Who may start a product: the secretariat, or a chair (for a group they chair; the service checks). */
export const canCreateProduct = (actor: Actor) => isSecretariat(actor) || hasRole(actor, "chair");

/** The editors of a product: the secretariat and the chairs of its lead working group. */
export const canEditProduct = (actor: Actor, product: Pick<ProductRef, "leadChairPersonIds">) =>
  canManageGroup(actor, { chairPersonIds: product.leadChairPersonIds });

/** Editors add versions while the product is being drafted; an endorsed text is frozen. */
export const canAddVersion = (actor: Actor, product: ProductRef) =>
  canEditProduct(actor, product) && product.status === "drafting";

/** Editors open review rounds while the product is being drafted. */
export const canOpenRound = (actor: Actor, product: ProductRef) => canAddVersion(actor, product);

/** Editors give submitted comments their disposition (also after the round closed). */
export const canDispositionComment = (actor: Actor, product: ProductRef) => canEditProduct(actor, product);

/** A member of a participating agency writes comments for their own agency while the round is open. */
export const canWriteComment = (actor: Actor, round: RoundRef) =>
  round.status === "open" && takesPart(actor, round);

/** Before submission, the author and their agency's focal points change or withdraw a comment. */
export const canChangeComment = (actor: Actor, round: RoundRef, comment: CommentRef, submitted: boolean) =>
  canWriteComment(actor, round) &&
  !submitted &&
  orgOf(actor) === comment.organisationId &&
  (comment.authorId === (actor.kind === "person" ? actor.id : -1) ||
    isFocalPointOf(actor, comment.organisationId));

/**
 * Unsubmitted comments stay inside the agency: the author sees their own, the agency's focal points
 * see all of them. Submitted comments are seen by every member.
 */
export const canSeeComment = (actor: Actor, comment: CommentRef, submitted: boolean) =>
  isSignedIn(actor) &&
  (submitted ||
    (actor.organisationId === comment.organisationId &&
      (comment.authorId === actor.id || isFocalPointOf(actor, comment.organisationId))));

/** Only a participating agency's own focal points submit its consolidated comments, while open. */
export const canSubmitComments = (actor: Actor, round: RoundRef, organisationId: number) =>
  round.status === "open" &&
  round.agencyIds.includes(organisationId) &&
  isFocalPointOf(actor, organisationId);

/** National prerogative: only the agency's own focal points set its position, while the round is open. */
export const canSetPosition = (actor: Actor, round: RoundRef, organisationId: number) =>
  canSubmitComments(actor, round, organisationId);

/**
 * An agency's position is visible to all members unless the round hides positions until it closes;
 * then only the agency itself and the product's editors see it.
 */
export const canSeePosition = (
  actor: Actor,
  product: Pick<ProductRef, "leadChairPersonIds">,
  round: RoundRef,
  organisationId: number,
) =>
  isSignedIn(actor) &&
  (!round.hidePositions ||
    round.status === "closed" ||
    actor.organisationId === organisationId ||
    canEditProduct(actor, product));
