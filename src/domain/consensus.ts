/**
 * Consensus status of a review round: is the draft ready, and if not, why not. Pure.
 *
 * The rule (PRODUCT.md: a draft is ready only when no participating agency objects; participation
 * is optional):
 * - Only the agencies invited to the round count; positions from anyone else are ignored.
 * - An open round is never ready: positions may still change until the deadline. Its status lists
 *   who has not answered yet, and any objection so far.
 * - Once closed, an agency that gave no position counts as the round's silence setting says
 *   (concur, abstain or non-concur).
 * - Concur, concur with comments and abstain are all fine; one non-concur blocks.
 * - A submitted major comment blocks until the editors give it a disposition: a major comment is an
 *   objection in substance, so the draft cannot be ready while one is unanswered. Editorial and
 *   technical comments do not block; withdrawn comments and comments an agency never submitted
 *   (drafts that never reached the editors) are not counted.
 * - With nobody objecting, the draft is ready even if every agency abstained: participation is
 *   optional, and the forum's rule asks only for the absence of objections.
 */
export type Position = "concur" | "concur_with_comments" | "non_concur" | "abstain";
export type Silence = "concur" | "abstain" | "non_concur";

export type ConsensusAgency = { id: number; acronym: string };
export type ConsensusPosition = {
  organisationId: number;
  position: Position;
  rationale: string | null;
  /** The comments whose resolution the position waits for (a non-concur's cure). */
  dependsOn?: number[];
};
export type ConsensusComment = {
  number: number;
  organisationId: number;
  category: "editorial" | "technical" | "major";
  disposition: string | null;
  withdrawn: boolean;
  /** The agency submitted its consolidated comments (so the editors have it). */
  submitted: boolean;
};

export type ConsensusInput = {
  /** The agencies invited to the round. */
  participants: ConsensusAgency[];
  /** Each agency's latest position (older ones are history, not input). */
  positions: ConsensusPosition[];
  silenceMeans: Silence;
  roundClosed: boolean;
  comments: ConsensusComment[];
};

export type ConsensusReason =
  | { kind: "round_open" }
  | { kind: "awaiting_position"; agency: string }
  | {
      kind: "non_concur";
      agency: string;
      rationale: string;
      /** The comments it waits for, and whether they all have a disposition now (the agency should confirm). */
      until?: number[];
      resolved?: boolean;
    }
  | { kind: "silent_non_concur"; agency: string }
  | { kind: "major_comment_open"; agency: string; number: number };

/** How one invited agency is counted. */
export type AgencyTally = {
  agency: string;
  /** The position counted, or null while the round is open and the agency has not answered. */
  counted: Position | null;
  /** True when the position comes from the round's silence setting. */
  bySilence: boolean;
};

export type ConsensusStatus = { ready: boolean; reasons: ConsensusReason[]; tally: AgencyTally[] };

/** Computes whether a round's draft is ready for endorsement, with every reason it is not. */
export function consensusStatus(input: ConsensusInput): ConsensusStatus {
  const latest = new Map(input.positions.map((p) => [p.organisationId, p]));
  const reasons: ConsensusReason[] = input.roundClosed ? [] : [{ kind: "round_open" }];
  const tally: AgencyTally[] = [];
  for (const agency of sortedAgencies(input.participants)) {
    const given = latest.get(agency.id);
    if (given) {
      tally.push({ agency: agency.acronym, counted: given.position, bySilence: false });
      if (given.position === "non_concur") {
        reasons.push(nonConcur(agency.acronym, given, input.comments));
      }
    } else if (!input.roundClosed) {
      tally.push({ agency: agency.acronym, counted: null, bySilence: false });
      reasons.push({ kind: "awaiting_position", agency: agency.acronym });
    } else {
      tally.push({ agency: agency.acronym, counted: input.silenceMeans, bySilence: true });
      if (input.silenceMeans === "non_concur")
        reasons.push({ kind: "silent_non_concur", agency: agency.acronym });
    }
  }
  reasons.push(...openMajorComments(input));
  return { ready: reasons.length === 0, reasons, tally };
}

function nonConcur(agency: string, given: ConsensusPosition, comments: ConsensusComment[]): ConsensusReason {
  const rationale = given.rationale?.trim() ?? "";
  const until = [...new Set(given.dependsOn ?? [])].sort((a, b) => a - b);
  if (until.length === 0) return { kind: "non_concur", agency, rationale };
  const answered = new Set(comments.filter((c) => c.disposition !== null).map((c) => c.number));
  return { kind: "non_concur", agency, rationale, until, resolved: until.every((n) => answered.has(n)) };
}

/** "14", "14 and 31", "3, 14 and 31". */
const numberList = (ns: number[]) =>
  ns.length === 1 ? String(ns[0]) : `${ns.slice(0, -1).join(", ")} and ${ns[ns.length - 1]}`;

function sortedAgencies(list: ConsensusAgency[]): ConsensusAgency[] {
  const unique = new Map(list.map((a) => [a.id, a]));
  return [...unique.values()].sort((a, b) => a.acronym.localeCompare(b.acronym));
}

function openMajorComments(input: ConsensusInput): ConsensusReason[] {
  const acronyms = new Map(input.participants.map((a) => [a.id, a.acronym]));
  return input.comments
    .filter((c) => c.category === "major" && c.submitted && !c.withdrawn && c.disposition === null)
    .filter((c) => acronyms.has(c.organisationId))
    .sort((a, b) => a.number - b.number)
    .map((c) => ({ kind: "major_comment_open", agency: acronyms.get(c.organisationId)!, number: c.number }));
}

/** One sentence per reason, for pages, API messages and refusals. */
export function describeReason(reason: ConsensusReason): string {
  switch (reason.kind) {
    case "round_open":
      return "The review round is still open: positions can change until it closes.";
    case "awaiting_position":
      return `${reason.agency} has not given its position yet.`;
    case "non_concur": {
      const why = reason.rationale ? `: ${reason.rationale}` : ".";
      if (!reason.until?.length) return `${reason.agency} does not concur${why}`;
      const comments = `${reason.until.length === 1 ? "comment" : "comments"} ${numberList(reason.until)}`;
      return reason.resolved
        ? `${reason.agency}: non-concur; ${comments} now ${reason.until.length === 1 ? "has a disposition" : "have dispositions"}, so ${reason.agency} is asked to confirm or change its position${why}`
        : `${reason.agency}: non-concur until ${comments} ${reason.until.length === 1 ? "is" : "are"} resolved${why}`;
    }
    case "silent_non_concur":
      return `${reason.agency} gave no position, and this round counts silence as non-concurrence.`;
    case "major_comment_open":
      return `Major comment ${reason.number} from ${reason.agency} has no disposition yet.`;
  }
}
