import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { auditLog, reviewRoundAgencies, reviewRounds } from "../../../db/schema/index.js";
import type { Actor } from "../../../http/actor.js";
import { canSeePosition } from "../products.policy.js";
import type { ProductDetail } from "../products.queries.js";

export type HistoryEntry = typeof auditLog.$inferSelect;
export const HISTORY_PER_PAGE = 50;

/** Every audit entry about a product (each step of its life is written with the product as subject). */
export async function productHistory(db: Db, productId: number, page: number) {
  const where = and(eq(auditLog.subjectType, "product"), eq(auditLog.subjectId, String(productId)));
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(HISTORY_PER_PAGE)
      .offset((page - 1) * HISTORY_PER_PAGE),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

type RoundFacts = {
  status: "open" | "closed";
  hidePositions: boolean;
  agencyIds: number[];
  submitted: Set<number>;
};

/** For each round of the product (by number): its state, its agencies, and who submitted comments. */
async function roundFacts(db: Db, productId: number): Promise<Map<number, RoundFacts>> {
  const rounds = await db
    .select({
      id: reviewRounds.id,
      number: reviewRounds.number,
      status: reviewRounds.status,
      hidePositions: reviewRounds.hidePositions,
    })
    .from(reviewRounds)
    .where(eq(reviewRounds.productId, productId))
    .orderBy(asc(reviewRounds.number));
  const agencies = rounds.length
    ? await db
        .select({
          roundId: reviewRoundAgencies.roundId,
          organisationId: reviewRoundAgencies.organisationId,
          submittedAt: reviewRoundAgencies.commentsSubmittedAt,
        })
        .from(reviewRoundAgencies)
        .where(
          inArray(
            reviewRoundAgencies.roundId,
            rounds.map((r) => r.id),
          ),
        )
    : [];
  return new Map(
    rounds.map((r) => {
      const mine = agencies.filter((a) => a.roundId === r.id);
      const submitted = new Set(mine.filter((a) => a.submittedAt).map((a) => a.organisationId));
      return [
        r.number,
        {
          status: r.status,
          hidePositions: r.hidePositions,
          agencyIds: mine.map((a) => a.organisationId),
          submitted,
        },
      ];
    }),
  );
}

const drafting = new Set(["product.comment.add", "product.comment.edit", "product.comment.withdraw"]);

/**
 * Filters what an actor may see of the history: an agency's unsubmitted comment drafts stay inside
 * the agency (editors included, as on the round page), and positions of a round that hides them stay
 * hidden from other agencies until it closes (editors see them, as on the round page).
 */
export async function visibleHistory(db: Db, actor: Actor, product: ProductDetail, rows: HistoryEntry[]) {
  const facts = await roundFacts(db, product.id);
  const own = actor.kind === "person" ? actor.organisationId : null;
  return rows.filter((e) => {
    const round = facts.get(Number(e.details?.round));
    if (e.action === "product.position.set" && round) {
      // Whose position: the agency named in the entry (the secretariat records some on an agency's behalf).
      const agencyId = Number(e.details?.agencyId ?? e.agencyId);
      return agencyId === own || canSeePosition(actor, product, { ...round }, agencyId);
    }
    if (!round || e.agencyId === null || e.agencyId === own) return true;
    if (drafting.has(e.action)) return round.submitted.has(e.agencyId);
    return true;
  });
}
