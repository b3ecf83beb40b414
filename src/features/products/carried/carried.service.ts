import type { Db } from "../../../db/client.js";
import { carriedCommentConfirmations, reviewPositions } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { CarriedStatus } from "../../../domain/carried-comments.js";
import type { Actor } from "../../../http/actor.js";
import { AppError, forbidden, notFound } from "../../../http/errors.js";
import { write } from "../../../kit/write.js";
import { canEditProduct } from "../products.policy.js";
import { findVersion, type ProductDetail } from "../products.queries.js";
import { currentPositions, listPositionRows } from "../rounds/rounds.queries.js";
import { agenciesToReconfirm, carriedItems, needsConfirmation, previousRound } from "./carried.queries.js";

/** How each carried status reads in words, on pages and in audit summaries. */
export const carriedStatusLabels: Record<CarriedStatus, string> = {
  unchanged: "Unchanged",
  moved: "Moved",
  text_changed: "Text changed",
  orphaned: "Orphaned: its section is gone",
};

/**
 * An editor confirms that a comment carried to a later version landed where it should (moved, text
 * changed or orphaned), so no comment travels silently. Once per comment and version; audited.
 */
export async function confirmCarriedComment(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  at: { version: number; round: number; comment: number },
): Promise<void> {
  if (!canEditProduct(actor, product))
    throw forbidden("Only the secretariat and the lead group's chairs confirm carried comments.");
  const version = await findVersion(deps.db, product.id, at.version);
  if (!version) throw notFound("The version");
  const item = (await carriedItems(deps.db, product.id, version)).find(
    (i) => i.round === at.round && i.number === at.comment,
  );
  if (!item) throw notFound("The carried comment");
  if (!needsConfirmation(item.carried.status))
    throw new AppError("conflict", "The comment's section is unchanged: there is nothing to confirm.");
  if (item.confirmed) throw new AppError("conflict", "This comment is already confirmed.");
  const status = carriedStatusLabels[item.carried.status].toLowerCase();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx.insert(carriedCommentConfirmations).values({
        commentId: item.id,
        versionId: version.id,
        status: item.carried.status,
        personId: actor.kind === "person" ? actor.id : null,
        createdAt: deps.now(),
      });
      await audit({
        action: "product.comment.carry_confirm",
        subjectType: "product",
        subjectId: product.id,
        summary: `Confirmed comment ${item.number} of round ${item.round} (${item.agency}) in version ${version.number}: ${status}`,
        details: { round: item.round, comment: item.number, version: version.number, status },
      });
    },
    { invalidatesPages: false },
  );
}

/**
 * When a round opens on a later version, each agency of the previous round whose commented sections
 * did not change in substance keeps its position (a new row marked as kept); the agencies whose
 * sections changed, or that gave none, are asked again. Returns both lists by acronym.
 */
export async function carryPositions(
  tx: Db,
  now: Date,
  productId: number,
  round: { id: number },
  version: { id: number; number: number; body: string },
  agencyIds: number[],
): Promise<{ kept: string[]; reconfirm: string[] }> {
  const prev = await previousRound(tx, productId, version.number);
  if (!prev) return { kept: [], reconfirm: [] };
  const changed = agenciesToReconfirm(await carriedItems(tx, productId, version));
  const current = currentPositions(await listPositionRows(tx, prev.id));
  const kept: string[] = [];
  for (const orgId of agencyIds) {
    const p = current.get(orgId);
    if (!p || changed.has(orgId)) continue;
    await tx.insert(reviewPositions).values({
      roundId: round.id,
      organisationId: orgId,
      position: p.position,
      rationale: p.rationale,
      personId: p.personId,
      carriedFromRound: prev.number,
      createdAt: now,
    });
    kept.push(p.agencyAcronym);
  }
  const reconfirm = [...changed].filter(([id]) => agencyIds.includes(id)).map(([, acronym]) => acronym);
  return { kept, reconfirm };
}
