import { and, eq, lte, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { products, reviewRoundAgencies, reviewRounds } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import { type Actor, hasRole, systemActor } from "../../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { enqueueMail } from "../../mail/mail.outbox.service.js";
import { carryPositions } from "../carried/carried.service.js";
import { canEditProduct, canOpenRound } from "../products.policy.js";
import {
  findProductBySlug,
  findVersion,
  organisationsByAcronym,
  type ProductDetail,
} from "../products.queries.js";
import { roundInput } from "../products.schemas.js";
import { closeInput } from "../round-changes/round-changes.schemas.js";
import { formatDeadline } from "./deadline.presenter.js";
import {
  activePeopleOf,
  currentPositions,
  findRound,
  listPositionRows,
  type Round,
  type RoundDetail,
} from "./rounds.queries.js";

/** The message every write on a sealed round gets. */
export const sealedMessage =
  "This review round is closed: its comments, submissions and positions are sealed.";

/** The agencies of a new round: those named, or the product's when none are. */
async function roundAgencyIds(deps: Deps, product: ProductDetail, acronyms: string[]): Promise<number[]> {
  if (acronyms.length === 0) return product.agencies.map((a) => a.id);
  const found = await organisationsByAcronym(deps.db, acronyms);
  const unknown = acronyms.filter((a) => !found.has(a));
  if (unknown.length) throw invalid({ agencies: `There is no member ${unknown.join(", ")}.` });
  return [...found.values()].map((a) => a.id);
}

/** One invitation per person of the participating agencies, queued with the round. */
async function queueInvitations(
  deps: Deps,
  tx: Db,
  product: ProductDetail,
  round: Round,
  agencyIds: number[],
) {
  const recipients = await activePeopleOf(tx, agencyIds);
  const url = `${deps.config.baseUrl}/private/products/${product.slug}/rounds/${round.number}`;
  const deadline = formatDeadline(round.deadline, round.timeZone);
  return enqueueMail(
    tx,
    recipients.map((p) => ({
      kind: "review_round",
      to: p.email,
      subject: `Review open: ${product.title} (round ${round.number}, until ${deadline})`,
      text: `Dear ${p.name},\n\nReview round ${round.number} of "${product.title}" is open until ${deadline}.\nRead the draft, comment for your agency and see its position here:\n${url}\n`,
      dedupeKey: `review-round:${round.id}:person:${p.id}`,
    })),
    deps.now(),
  );
}

/** Opens a review round on a version (editors only); invites the participating agencies by e-mail. */
export async function openRound(deps: Deps, actor: Actor, slug: string, raw: unknown): Promise<Round> {
  const product = await findProductBySlug(deps.db, slug);
  if (!product) throw notFound("The product");
  if (!canEditProduct(actor, product))
    throw forbidden("Only the secretariat and the lead group's chairs open rounds.");
  if (!canOpenRound(actor, product))
    throw new AppError("conflict", "The product is endorsed; no more rounds.");
  const input = parseInput(roundInput, raw);
  const version = await findVersion(deps.db, product.id, input.version);
  if (!version) throw invalid({ version: `There is no version ${input.version}.` });
  if (input.deadlineAt <= deps.now()) throw invalid({ deadline: "The deadline must be in the future." });
  const agencyIds = await roundAgencyIds(deps, product, input.agencies);
  if (agencyIds.length === 0) throw invalid({ agencies: "Choose at least one participating agency." });
  return write(
    deps,
    actor,
    async (tx, audit) => {
      await tx.execute(sql`select id from ${products} where id = ${product.id} for update`);
      const [open] = await tx
        .select({ number: reviewRounds.number })
        .from(reviewRounds)
        .where(and(eq(reviewRounds.productId, product.id), eq(reviewRounds.status, "open")));
      if (open)
        throw invalid({
          _form: `Round ${open.number} is still open; a product has one open round at a time.`,
        });
      const [last] = await tx
        .select({ n: sql<number>`coalesce(max(${reviewRounds.number}), 0)::int` })
        .from(reviewRounds)
        .where(eq(reviewRounds.productId, product.id));
      const [round] = await tx
        .insert(reviewRounds)
        .values({
          productId: product.id,
          versionId: version.id,
          number: last!.n + 1,
          openedAt: deps.now(),
          deadline: input.deadlineAt,
          timeZone: input.timeZone,
          silenceMeans: input.silenceMeans,
          hidePositions: input.hidePositions,
          openedBy: actor.kind === "person" ? actor.id : null,
        })
        .returning();
      await tx
        .insert(reviewRoundAgencies)
        .values(agencyIds.map((organisationId) => ({ roundId: round!.id, organisationId })));
      // Agencies whose commented sections did not change keep their positions; the others re-confirm.
      const positions = await carryPositions(tx, deps.now(), product.id, round!, version, agencyIds);
      const mailed = await queueInvitations(deps, tx, product, round!, agencyIds);
      await audit({
        action: "product.round.open",
        subjectType: "product",
        subjectId: product.id,
        summary: `Opened review round ${round!.number} of ${product.title} on version ${version.number}`,
        details: {
          round: round!.number,
          version: version.number,
          deadline: input.deadlineAt.toISOString(),
          timeZone: input.timeZone,
          agencies: agencyIds.length,
          silenceMeans: input.silenceMeans,
          hidePositions: input.hidePositions,
          invitations: mailed,
          positionsKept: positions.kept,
          askedToReconfirm: positions.reconfirm,
        },
      });
      return round!;
    },
    { invalidatesPages: false },
  );
}

/**
 * Closes every open round whose deadline has passed (or only `roundId`). The conditional UPDATE makes
 * it idempotent and safe when several instances run it at once: each round is closed exactly once.
 */
export async function closeDueRounds(deps: Deps, roundId?: number): Promise<number> {
  const now = deps.now();
  return write(
    deps,
    systemActor("review clock"),
    async (tx, audit) => {
      const due = and(
        eq(reviewRounds.status, "open"),
        lte(reviewRounds.deadline, now),
        roundId ? eq(reviewRounds.id, roundId) : undefined,
      );
      const closed = await tx
        .update(reviewRounds)
        .set({ status: "closed", closedAt: sql`${reviewRounds.deadline}` })
        .where(due)
        .returning({ id: reviewRounds.id, productId: reviewRounds.productId, number: reviewRounds.number });
      for (const r of closed) {
        await audit({
          action: "product.round.close",
          subjectType: "product",
          subjectId: r.productId,
          summary: `Review round ${r.number} closed at its deadline`,
          details: { round: r.number },
        });
      }
      return closed.length;
    },
    { invalidatesPages: false },
  );
}

/**
 * Closes an open round before its deadline (editors only). Once every participating agency has given
 * its position, any editor may; before that only the secretariat, deciding with a reason (audited),
 * since silence is then counted before the deadline the agencies were given.
 */
export async function closeRoundEarly(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  raw: unknown = {},
): Promise<void> {
  if (!canEditProduct(actor, product))
    throw forbidden("Only the secretariat and the lead group's chairs close rounds.");
  const { reason } = parseInput(closeInput, raw ?? {});
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await lockOpenRound(tx, round.id, deps.now());
      const answered = currentPositions(await listPositionRows(tx, round.id));
      const waiting = round.agencies.filter((a) => !answered.has(a.id)).map((a) => a.acronym);
      if (waiting.length && !hasRole(actor, "secretariat"))
        throw new AppError(
          "conflict",
          `A round closes before its deadline only when every participating agency has given its position (or the secretariat decides, with a reason); still waiting for ${waiting.join(", ")}.`,
        );
      if (waiting.length && (!reason || reason.length < 10))
        throw invalid({
          reason: `Still waiting for ${waiting.join(", ")}: give the reason for closing now (at least 10 characters).`,
        });
      await tx
        .update(reviewRounds)
        .set({ status: "closed", closedAt: deps.now() })
        .where(eq(reviewRounds.id, round.id));
      const why = waiting.length
        ? `by the secretariat's decision, without a position from ${waiting.join(", ")}: ${reason}`
        : `every agency had given its position${reason ? ` (${reason})` : ""}`;
      await audit({
        action: "product.round.close",
        subjectType: "product",
        subjectId: product.id,
        summary: `Review round ${round.number} closed before its deadline: ${why}`,
        details: { round: round.number, early: true, reason, unanswered: waiting },
      });
    },
    { invalidatesPages: false },
  );
}

/** A round as it stands now: an open round past its deadline is closed first, so no one sees stale state. */
export async function currentRound(deps: Deps, productId: number, number: number): Promise<RoundDetail> {
  const round = await findRound(deps.db, productId, number);
  if (!round) throw notFound("The review round");
  if (round.status === "open" && round.deadline <= deps.now()) {
    await closeDueRounds(deps, round.id);
    return (await findRound(deps.db, productId, number))!;
  }
  return round;
}

/** Locks an open round for a write and refuses when it is closed or past its deadline (sealed). */
export async function lockOpenRound(tx: Db, roundId: number, now: Date): Promise<void> {
  const [row] = await tx
    .select({ status: reviewRounds.status, deadline: reviewRounds.deadline })
    .from(reviewRounds)
    .where(eq(reviewRounds.id, roundId))
    .for("update");
  if (row?.status !== "open" || row.deadline <= now) throw new AppError("conflict", sealedMessage);
}
