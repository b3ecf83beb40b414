import { reviewPositions } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { AppError, forbidden } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../audit/write.js";
import type { Actor } from "../auth/actor.js";
import { canSeePosition, canSetPosition } from "./products.policy.js";
import type { ProductDetail } from "./products.queries.js";
import { positionInput } from "./products.schemas.js";
import { currentPositions, listPositionRows, type PositionRow, type RoundDetail } from "./rounds.queries.js";
import { lockOpenRound, sealedMessage } from "./rounds.service.js";

/** Refuses (sealed, or not a focal point of a participating agency) unless the actor may set a position. */
export function ensureMaySetPosition(actor: Actor, round: RoundDetail): number {
  const orgId = actor.kind === "person" ? actor.organisationId : null;
  if (round.status !== "open") throw new AppError("conflict", sealedMessage);
  if (orgId === null || !canSetPosition(actor, round, orgId)) {
    throw forbidden("Only the focal points of a participating agency set its position.");
  }
  return orgId;
}

/**
 * Sets the actor's agency's position in a round: a new row each time (the newest counts), so the
 * history stays. Only that agency's focal points, only while the round is open.
 */
export async function setPosition(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  raw: unknown,
) {
  const orgId = ensureMaySetPosition(actor, round);
  const input = parseInput(positionInput, raw);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await lockOpenRound(tx, round.id, deps.now());
      await tx.insert(reviewPositions).values({
        roundId: round.id,
        organisationId: orgId,
        position: input.position,
        rationale: input.rationale,
        personId: actor.kind === "person" ? actor.id : null,
        createdAt: deps.now(),
      });
      await audit({
        action: "product.position.set",
        subjectType: "product",
        subjectId: product.id,
        summary: `${actor.kind === "person" ? actor.organisationAcronym : ""} position in round ${round.number} of ${product.title}: ${input.position}`,
        details: { round: round.number, ...input },
      });
    },
    { invalidatesPages: false },
  );
}

/** What an actor sees of a round's positions: the current one and the history, per visible agency. */
export async function visiblePositions(deps: Deps, actor: Actor, product: ProductDetail, round: RoundDetail) {
  const rows = (await listPositionRows(deps.db, round.id)).filter((r) =>
    canSeePosition(actor, product, round, r.organisationId),
  );
  const current = currentPositions(rows);
  const hiddenAgencies = round.agencies.filter((a) => !canSeePosition(actor, product, round, a.id));
  return { rows, current, hiddenAgencies } satisfies {
    rows: PositionRow[];
    current: Map<number, PositionRow>;
    hiddenAgencies: RoundDetail["agencies"];
  };
}
