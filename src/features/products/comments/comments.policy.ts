import type { Actor } from "../../../http/actor.js";
import { AppError, forbidden } from "../../../http/errors.js";
import { canDispositionComment, canSubmitComments, canWriteComment } from "../products.policy.js";
import type { ProductDetail } from "../products.queries.js";
import type { Comment, RoundDetail } from "../rounds/rounds.queries.js";
import { sealedMessage } from "../rounds/rounds.service.js";

/** True once the agency has submitted its consolidated comments in this round. */
export const isSubmitted = (round: RoundDetail, organisationId: number) =>
  round.agencies.some((a) => a.id === organisationId && a.commentsSubmittedAt !== null);

/** Refuses (sealed, not participating, already submitted) unless the actor may write a comment now. */
export function ensureMayComment(actor: Actor, round: RoundDetail) {
  if (round.status !== "open") throw new AppError("conflict", sealedMessage);
  if (actor.kind !== "person" || actor.organisationId === null || !canWriteComment(actor, round)) {
    throw forbidden("Only members of the agencies taking part in this round can comment.");
  }
  if (isSubmitted(round, actor.organisationId)) {
    throw new AppError("conflict", "Your agency has submitted its comments; they can no longer change.");
  }
  return { person: actor, orgId: actor.organisationId };
}

/** Refuses unless the actor is a focal point of a participating agency that has not submitted yet. */
export function ensureMaySubmit(actor: Actor, round: RoundDetail): number {
  const orgId = actor.kind === "person" ? actor.organisationId : null;
  if (round.status !== "open") throw new AppError("conflict", sealedMessage);
  if (orgId === null || !canSubmitComments(actor, round, orgId)) {
    throw forbidden("Only a participating agency's focal points submit its comments.");
  }
  if (isSubmitted(round, orgId))
    throw new AppError("conflict", "Your agency has already submitted its comments.");
  return orgId;
}

/** Refuses unless the actor edits this product and the comment is submitted and not withdrawn. */
export function ensureMayDisposition(
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  comment: Comment,
) {
  if (!canDispositionComment(actor, product))
    throw forbidden("Only the secretariat and the lead group's chairs give dispositions.");
  if (!isSubmitted(round, comment.organisationId) || comment.withdrawn) {
    throw new AppError("conflict", "Only submitted comments get a disposition.");
  }
}
