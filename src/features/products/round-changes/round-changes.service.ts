import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { reviewDeferrals, reviewRounds } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import { isTimeZone, zonedToInstant } from "../../../domain/time-zones.js";
import type { Actor } from "../../../http/actor.js";
import { AppError, forbidden, invalid } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { enqueueMail } from "../../mail/mail.outbox.service.js";
import { canEditProduct, canSetPosition } from "../products.policy.js";
import type { ProductDetail } from "../products.queries.js";
import { formatDeadline } from "../rounds/deadline.presenter.js";
import { activePeopleOf, type RoundDetail } from "../rounds/rounds.queries.js";
import { lockOpenRound } from "../rounds/rounds.service.js";
import { deferralInput, extensionInput } from "./round-changes.schemas.js";

/** How long an agency's one deferral moves the deadline. */
export const DEFERRAL_DAYS = 14;

/** Tells every person of the round's agencies that the deadline moved, and why. */
async function mailNewDeadline(
  deps: Deps,
  tx: Db,
  product: ProductDetail,
  round: RoundDetail,
  deadline: Date,
  why: string,
): Promise<number> {
  const people = await activePeopleOf(tx, round.agencyIds);
  const when = formatDeadline(deadline, round.timeZone);
  const url = `${deps.config.baseUrl}/private/products/${product.slug}/rounds/${round.number}`;
  return enqueueMail(
    tx,
    people.map((p) => ({
      kind: "review_round.deadline",
      to: p.email,
      subject: `Review deadline moved: ${product.title} (round ${round.number}, now until ${when})`,
      text: `Dear ${p.name},\n\nThe deadline of review round ${round.number} of "${product.title}" is now ${when}.\n${why}\n\n${url}\n`,
      dedupeKey: `review-deadline:${round.id}:${deadline.toISOString()}:person:${p.id}`,
    })),
    deps.now(),
  );
}

/** Moves an open round's deadline later (the editors), with a reason; mailed to the agencies, audited. */
export async function extendDeadline(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  raw: unknown,
): Promise<Date> {
  if (!canEditProduct(actor, product))
    throw forbidden("Only the secretariat and the lead group's chairs move a round's deadline.");
  const input = parseInput(extensionInput, raw);
  const zone = input.timeZone ?? round.timeZone;
  if (!isTimeZone(zone)) throw invalid({ timeZone: "This is not a known time zone." });
  const at = zonedToInstant(input.deadline, zone);
  if (!at) throw invalid({ deadline: "This date does not exist." });
  if (at <= round.deadline)
    throw invalid({
      deadline: `Choose a time after the current deadline, ${formatDeadline(round.deadline, round.timeZone)}.`,
    });
  return write(
    deps,
    actor,
    async (tx, audit) => {
      await lockOpenRound(tx, round.id, deps.now());
      await tx
        .update(reviewRounds)
        .set({ deadline: at, timeZone: zone })
        .where(eq(reviewRounds.id, round.id));
      const mailed = await mailNewDeadline(
        deps,
        tx,
        product,
        { ...round, timeZone: zone },
        at,
        `Reason: ${input.reason}`,
      );
      await audit({
        action: "product.round.extend",
        subjectType: "product",
        subjectId: product.id,
        summary: `Moved the deadline of review round ${round.number} from ${formatDeadline(round.deadline, round.timeZone)} to ${formatDeadline(at, zone)}: ${input.reason}`,
        details: {
          round: round.number,
          before: { deadline: round.deadline.toISOString() },
          after: { deadline: at.toISOString() },
          reason: input.reason,
          mailed,
        },
      });
      return at;
    },
    { invalidatesPages: false },
  );
}

/**
 * An agency's one deferral per round (its focal points): the deadline moves two weeks later for
 * everyone, with the agency's reason; mailed to the agencies and audited. A second is refused.
 */
export async function requestDeferral(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  raw: unknown,
): Promise<Date> {
  const orgId = actor.kind === "person" ? actor.organisationId : null;
  if (round.status !== "open") throw new AppError("conflict", "This review round is closed.");
  if (orgId === null || !canSetPosition(actor, round, orgId))
    throw forbidden("Only the focal points of a participating agency ask for its deferral.");
  const input = parseInput(deferralInput, raw);
  const acronym = actor.kind === "person" ? actor.organisationAcronym : "";
  return write(
    deps,
    actor,
    async (tx, audit) => {
      await lockOpenRound(tx, round.id, deps.now());
      const [already] = await tx
        .select({ at: reviewDeferrals.createdAt })
        .from(reviewDeferrals)
        .where(and(eq(reviewDeferrals.roundId, round.id), eq(reviewDeferrals.organisationId, orgId)));
      if (already)
        throw new AppError(
          "conflict",
          `${acronym} has already had its deferral in this round (one per round).`,
        );
      const [current] = await tx
        .select({ deadline: reviewRounds.deadline })
        .from(reviewRounds)
        .where(eq(reviewRounds.id, round.id));
      const at = new Date(current!.deadline.getTime() + DEFERRAL_DAYS * 86_400_000);
      await tx.insert(reviewDeferrals).values({
        roundId: round.id,
        organisationId: orgId,
        reason: input.reason,
        previousDeadline: current!.deadline,
        newDeadline: at,
        personId: actor.kind === "person" ? actor.id : null,
        createdAt: deps.now(),
      });
      await tx.update(reviewRounds).set({ deadline: at }).where(eq(reviewRounds.id, round.id));
      const why = `${acronym} asked for a two-week deferral: ${input.reason}`;
      const mailed = await mailNewDeadline(deps, tx, product, round, at, why);
      await audit({
        action: "product.round.defer",
        subjectType: "product",
        subjectId: product.id,
        summary: `${acronym} deferred review round ${round.number} by two weeks, to ${formatDeadline(at, round.timeZone)}: ${input.reason}`,
        details: {
          round: round.number,
          agency: acronym,
          before: { deadline: current!.deadline.toISOString() },
          after: { deadline: at.toISOString() },
          reason: input.reason,
          mailed,
        },
      });
      return at;
    },
    { invalidatesPages: false },
  );
}
