import { reviewPositions } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import { type Actor, hasRole } from "../../../http/actor.js";
import { AppError, forbidden, invalid } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import type { UploadedFile } from "../../../kit/uploads.js";
import { write } from "../../../kit/write.js";
import { storeFile } from "../../publications/publications.files.service.js";
import { ensureOwnAgency, type NamedAgency, namedAgency } from "../named-agency.queries.js";
import { canSeePosition, canSetPosition } from "../products.policy.js";
import type { ProductDetail } from "../products.queries.js";
import { onBehalfInput, positionInput, positionLabels } from "../products.schemas.js";
import {
  currentPositions,
  listComments,
  listPositionRows,
  type PositionRow,
  type RoundDetail,
} from "../rounds/rounds.queries.js";
import { lockOpenRound, sealedMessage } from "../rounds/rounds.service.js";
import { storedEvidence } from "./evidence.service.js";

/** Refuses (sealed, or not a focal point of a participating agency) unless the actor may set a position. */
export function ensureMaySetPosition(actor: Actor, round: RoundDetail): number {
  const orgId = actor.kind === "person" ? actor.organisationId : null;
  if (round.status !== "open") throw new AppError("conflict", sealedMessage);
  if (orgId === null || !canSetPosition(actor, round, orgId)) {
    throw forbidden("Only the focal points of a participating agency set its position.");
  }
  return orgId;
}

type Recorded = {
  organisationId: number;
  acronym: string;
  onBehalf: boolean;
  evidence: string | null;
  file: UploadedFile | null;
};

/**
 * Sets an agency's position in a round: a new row each time (the newest counts), so the history stays.
 * The agency's own focal points set it while the round is open; the secretariat records it on the
 * agency's behalf when the body names the agency and gives the evidence (a note or a file). A body that
 * names another agency than the requester's is refused (403), never taken as the requester's own.
 */
export async function setPosition(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  raw: unknown,
  file: UploadedFile | null = null,
) {
  const named = await namedAgency(deps.db, raw);
  const recorded =
    named && hasRole(actor, "secretariat") && actor.kind === "person" && actor.organisationId !== named.id
      ? onBehalfOf(actor, round, named, raw, file)
      : ownAgency(actor, round, named);
  const input = parseInput(positionInput, raw);
  await ensureCommentsExist(deps, round, recorded.organisationId, input.comments);
  const stored = recorded.file ? storedEvidence(recorded.file) : null;
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await lockOpenRound(tx, round.id, deps.now());
      if (recorded.file) await storeFile(tx, recorded.file.bytes);
      await tx.insert(reviewPositions).values({
        roundId: round.id,
        organisationId: recorded.organisationId,
        position: input.position,
        rationale: input.rationale,
        dependsOn: input.comments,
        personId: actor.kind === "person" ? actor.id : null,
        onBehalf: recorded.onBehalf,
        evidence: recorded.evidence,
        evidenceFileSha256: stored?.sha256 ?? null,
        evidenceFileName: stored?.name ?? null,
        createdAt: deps.now(),
      });
      const label = positionLabels[input.position];
      await audit({
        action: "product.position.set",
        subjectType: "product",
        subjectId: product.id,
        summary: recorded.onBehalf
          ? `The secretariat recorded ${recorded.acronym}'s position on its behalf in round ${round.number} of ${product.title}: ${label} (evidence: ${recorded.evidence ?? stored?.name})`
          : `${recorded.acronym}'s position in round ${round.number} of ${product.title}: ${label}`,
        details: {
          round: round.number,
          agency: recorded.acronym,
          // The history's visibility rule reads the agency whose position it is from here.
          agencyId: recorded.organisationId,
          ...input,
          onBehalf: recorded.onBehalf,
          evidence: recorded.evidence,
          evidenceFile: stored?.name ?? null,
        },
      });
    },
    { invalidatesPages: false },
  );
}

/** The comments a position depends on must be this round's, not withdrawn, and visible to the agency. */
async function ensureCommentsExist(deps: Deps, round: RoundDetail, orgId: number, numbers: number[]) {
  if (numbers.length === 0) return;
  const submitted = new Set(round.agencies.filter((a) => a.commentsSubmittedAt).map((a) => a.id));
  const known = new Set(
    (await listComments(deps.db, round.id))
      .filter((c) => !c.withdrawn && (c.organisationId === orgId || submitted.has(c.organisationId)))
      .map((c) => c.number),
  );
  const unknown = numbers.filter((n) => !known.has(n));
  if (unknown.length)
    throw invalid({ comments: `This round has no comment ${unknown.join(", ")} your agency can point to.` });
}

function ownAgency(actor: Actor, round: RoundDetail, named: NamedAgency | null): Recorded {
  ensureOwnAgency(actor, named, "position");
  const organisationId = ensureMaySetPosition(actor, round);
  const acronym = actor.kind === "person" ? (actor.organisationAcronym ?? "") : "";
  return { organisationId, acronym, onBehalf: false, evidence: null, file: null };
}

function onBehalfOf(
  actor: Actor,
  round: RoundDetail,
  named: NamedAgency,
  raw: unknown,
  file: UploadedFile | null,
): Recorded {
  if (round.status !== "open") throw new AppError("conflict", sealedMessage);
  if (!round.agencyIds.includes(named.id))
    throw forbidden(`${named.acronym} does not take part in this round; it has no position to record.`);
  if (!hasRole(actor, "secretariat"))
    throw forbidden("Only the secretariat records a position on an agency's behalf.");
  const { evidence } = parseInput(onBehalfInput, raw);
  if (!evidence && !file)
    throw invalid({
      evidence: `Say how ${named.acronym} gave this position (who, when, by what means), or attach the message.`,
    });
  return { organisationId: named.id, acronym: named.acronym, onBehalf: true, evidence, file };
}

/**
 * What an actor sees of a round's positions: the current one and the history, per visible agency.
 * `loaded` is every position of the round when the caller has read them already.
 */
export async function visiblePositions(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  loaded?: PositionRow[],
) {
  const all = loaded ?? (await listPositionRows(deps.db, round.id));
  const rows = all.filter((r) => canSeePosition(actor, product, round, r.organisationId));
  const current = currentPositions(rows);
  const hiddenAgencies = round.agencies.filter((a) => !canSeePosition(actor, product, round, a.id));
  return { rows, current, hiddenAgencies } satisfies {
    rows: PositionRow[];
    current: Map<number, PositionRow>;
    hiddenAgencies: RoundDetail["agencies"];
  };
}
