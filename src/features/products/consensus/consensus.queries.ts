import type { Db } from "../../../db/client.js";
import type { Deps } from "../../../deps.js";
import { type ConsensusInput, type ConsensusStatus, consensusStatus } from "../../../domain/consensus.js";
import type { Actor } from "../../../http/actor.js";
import { canSeePosition } from "../products.policy.js";
import type { ProductDetail } from "../products.queries.js";
import {
  type Comment,
  currentPositions,
  listComments,
  listPositionRows,
  listRounds,
  type PositionRow,
  type RoundDetail,
} from "../rounds/rounds.queries.js";
import { currentRound } from "../rounds/rounds.service.js";

/** A round's every position and comment when the caller has read them already (the round page). */
export type RoundRecords = { rows: PositionRow[]; comments: Comment[] };

/** What the consensus computation needs about a round, read from its agencies, positions and comments. */
export async function consensusInput(
  db: Db,
  round: RoundDetail,
  loaded?: RoundRecords,
): Promise<ConsensusInput> {
  const [rows, comments] = loaded
    ? [loaded.rows, loaded.comments]
    : await Promise.all([listPositionRows(db, round.id), listComments(db, round.id)]);
  const submitted = new Set(round.agencies.filter((a) => a.commentsSubmittedAt).map((a) => a.id));
  return {
    participants: round.agencies.map((a) => ({ id: a.id, acronym: a.acronym })),
    positions: [...currentPositions(rows).values()].map((p) => ({
      organisationId: p.organisationId,
      position: p.position,
      rationale: p.rationale,
      dependsOn: p.dependsOn,
    })),
    silenceMeans: round.silenceMeans,
    roundClosed: round.status === "closed",
    comments: comments.map((c) => ({
      number: c.number,
      organisationId: c.organisationId,
      category: c.category,
      disposition: c.disposition,
      withdrawn: c.withdrawn,
      submitted: submitted.has(c.organisationId),
    })),
  };
}

/** The consensus status of a round as it stands. */
export async function roundConsensus(
  db: Db,
  round: RoundDetail,
  loaded?: RoundRecords,
): Promise<ConsensusStatus> {
  return consensusStatus(await consensusInput(db, round, loaded));
}

/**
 * The status as an actor may see it: while a round hides positions, what other agencies answered
 * (or whether they answered) stays out of sight. Readiness gives nothing away: an open round is never
 * ready, and a closed round hides nothing.
 */
export function visibleConsensus(
  status: ConsensusStatus,
  actor: Actor,
  product: Pick<ProductDetail, "leadChairPersonIds">,
  round: RoundDetail,
): ConsensusStatus & { hiddenAgencies: string[] } {
  const hidden = new Set(
    round.agencies.filter((a) => !canSeePosition(actor, product, round, a.id)).map((a) => a.acronym),
  );
  const positionReason = (kind: string) => kind === "awaiting_position" || kind === "non_concur";
  return {
    ready: status.ready,
    reasons: status.reasons.filter((r) => !("agency" in r && positionReason(r.kind) && hidden.has(r.agency))),
    tally: status.tally.filter((t) => !hidden.has(t.agency)),
    hiddenAgencies: [...hidden],
  };
}

/**
 * The product's rounds brought up to date (a round past its deadline is closed first), and the one
 * endorsement looks at: the latest closed round, unless a newer round is still open.
 */
export async function roundForEndorsement(
  deps: Deps,
  productId: number,
): Promise<{ open: RoundDetail | null; closed: RoundDetail | null }> {
  const rounds = await listRounds(deps.db, productId);
  const newest = rounds[0] ? await currentRound(deps, productId, rounds[0].number) : null;
  if (newest?.status === "open") return { open: newest, closed: null };
  return { open: null, closed: newest };
}
