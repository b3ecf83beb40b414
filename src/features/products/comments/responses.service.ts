import { eq } from "drizzle-orm";
import { reviewComments } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import { type Actor, hasRole } from "../../../http/actor.js";
import { AppError, forbidden, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { ensureOwnAgency, namedAgency } from "../named-agency.queries.js";
import type { ProductDetail } from "../products.queries.js";
import { dispositionLabels, responseInput } from "../products.schemas.js";
import { type Comment, findComment, type RoundDetail } from "../rounds/rounds.queries.js";

export const responseLabels = {
  accepted: "Accepted by the agency",
  contested: "Contested by the agency",
} as const;

/** Only the commenting agency's focal points answer its comments' dispositions, while the product is drafted. */
export function ensureMayRespond(actor: Actor, product: ProductDetail, comment: Comment) {
  const own = actor.kind === "person" ? actor.organisationId : null;
  if (own !== comment.organisationId || !hasRole(actor, "focal_point"))
    throw forbidden("Only the focal points of the agency that wrote the comment answer its disposition.");
  if (product.status !== "drafting")
    throw new AppError("conflict", "The product is endorsed; its review is over.");
  if (!comment.disposition) throw new AppError("conflict", "The comment has no disposition to answer yet.");
}

/** The commenting agency accepts or contests the disposition of one of its comments (audited; may change). */
export async function respondToDisposition(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  number: number,
  raw: unknown,
): Promise<void> {
  const comment = await findComment(deps.db, round.id, number);
  if (!comment) throw notFound("The comment");
  ensureOwnAgency(actor, await namedAgency(deps.db, raw), "comment");
  ensureMayRespond(actor, product, comment);
  const input = parseInput(responseInput, raw);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(reviewComments)
        .set({
          response: input.response,
          responseNote: input.note,
          respondedAt: deps.now(),
          respondedBy: actor.kind === "person" ? actor.id : null,
        })
        .where(eq(reviewComments.id, comment.id));
      const disposition = dispositionLabels[comment.disposition!].toLowerCase();
      await audit({
        action: "product.comment.response",
        subjectType: "product",
        subjectId: product.id,
        summary: `${comment.agencyAcronym} ${input.response === "accepted" ? "accepted" : "contests"} the disposition (${disposition}) of comment ${number} of round ${round.number}${input.note ? `: ${input.note}` : ""}`,
        details: { round: round.number, comment: number, response: input.response, note: input.note },
      });
    },
    { invalidatesPages: false },
  );
}
