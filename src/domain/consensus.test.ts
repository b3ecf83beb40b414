import { describe, expect, it } from "vitest";
import {
  type ConsensusComment,
  type ConsensusInput,
  type ConsensusPosition,
  consensusStatus,
  describeReason,
} from "./consensus.js";

const ESA = { id: 1, acronym: "ESA" };
const JAXA = { id: 2, acronym: "JAXA" };
const NASA = { id: 3, acronym: "NASA" };

const pos = (
  organisationId: number,
  position: ConsensusPosition["position"],
  rationale: string | null = null,
) => ({
  organisationId,
  position,
  rationale,
});

const comment = (over: Partial<ConsensusComment> = {}): ConsensusComment => ({
  number: 1,
  organisationId: ESA.id,
  category: "major",
  disposition: null,
  withdrawn: false,
  submitted: true,
  ...over,
});

const round = (over: Partial<ConsensusInput> = {}): ConsensusInput => ({
  participants: [ESA, JAXA, NASA],
  positions: [],
  silenceMeans: "abstain",
  roundClosed: true,
  comments: [],
  ...over,
});

describe("consensusStatus", () => {
  it("is ready when every invited agency concurs", () => {
    const s = consensusStatus(round({ positions: [pos(1, "concur"), pos(2, "concur"), pos(3, "concur")] }));
    expect(s).toMatchObject({ ready: true, reasons: [] });
  });

  it("accepts concur with comments and abstain: participation is optional", () => {
    const s = consensusStatus(
      round({ positions: [pos(1, "concur_with_comments"), pos(2, "abstain"), pos(3, "concur")] }),
    );
    expect(s.ready).toBe(true);
  });

  it("is ready when everyone abstained, since nobody objects", () => {
    const s = consensusStatus(
      round({ positions: [pos(1, "abstain"), pos(2, "abstain"), pos(3, "abstain")] }),
    );
    expect(s.ready).toBe(true);
  });

  it("is not ready when one agency non-concurs, and names it with its rationale", () => {
    const s = consensusStatus(
      round({
        positions: [
          pos(1, "concur"),
          pos(2, "non_concur", "  Section 2 overstates our plans. "),
          pos(3, "concur"),
        ],
      }),
    );
    expect(s.ready).toBe(false);
    expect(s.reasons).toEqual([
      { kind: "non_concur", agency: "JAXA", rationale: "Section 2 overstates our plans." },
    ]);
    expect(describeReason(s.reasons[0]!)).toBe("JAXA does not concur: Section 2 overstates our plans.");
  });

  it("lists every objecting agency, in acronym order", () => {
    const s = consensusStatus(round({ positions: [pos(3, "non_concur", "B"), pos(1, "non_concur", "A")] }));
    expect(s.reasons.map((r) => ("agency" in r ? r.agency : r.kind))).toEqual(["ESA", "NASA"]);
  });

  it("is never ready while the round is open, and says who has not answered", () => {
    const s = consensusStatus(round({ roundClosed: false, positions: [pos(1, "concur")] }));
    expect(s.ready).toBe(false);
    expect(s.reasons).toEqual([
      { kind: "round_open" },
      { kind: "awaiting_position", agency: "JAXA" },
      { kind: "awaiting_position", agency: "NASA" },
    ]);
    expect(s.tally.find((t) => t.agency === "JAXA")).toEqual({
      agency: "JAXA",
      counted: null,
      bySilence: false,
    });
  });

  it("is not ready while open even when everybody already concurs", () => {
    const s = consensusStatus(
      round({ roundClosed: false, positions: [pos(1, "concur"), pos(2, "concur"), pos(3, "concur")] }),
    );
    expect(s.reasons).toEqual([{ kind: "round_open" }]);
  });

  it("counts silence as abstain when the round says so", () => {
    const s = consensusStatus(round({ positions: [pos(1, "concur")] }));
    expect(s.ready).toBe(true);
    expect(s.tally).toContainEqual({ agency: "NASA", counted: "abstain", bySilence: true });
  });

  it("counts silence as concurrence when the round says so", () => {
    const s = consensusStatus(round({ silenceMeans: "concur", positions: [] }));
    expect(s.ready).toBe(true);
    expect(s.tally.every((t) => t.counted === "concur" && t.bySilence)).toBe(true);
  });

  it("counts silence as non-concurrence when the round says so, naming the silent agencies", () => {
    const s = consensusStatus(
      round({ silenceMeans: "non_concur", positions: [pos(1, "concur"), pos(2, "concur")] }),
    );
    expect(s.ready).toBe(false);
    expect(s.reasons).toEqual([{ kind: "silent_non_concur", agency: "NASA" }]);
    expect(describeReason(s.reasons[0]!)).toMatch(/NASA gave no position/);
  });

  it("ignores positions from agencies not invited to the round", () => {
    const s = consensusStatus(
      round({ participants: [ESA], positions: [pos(1, "concur"), pos(9, "non_concur", "x")] }),
    );
    expect(s.ready).toBe(true);
    expect(s.tally).toHaveLength(1);
  });

  it("uses the last position given when an agency changed its mind", () => {
    const s = consensusStatus(
      round({ participants: [ESA], positions: [pos(1, "non_concur", "x"), pos(1, "concur")] }),
    );
    expect(s.ready).toBe(true);
  });

  it("counts an agency invited twice once", () => {
    const s = consensusStatus(round({ participants: [ESA, ESA], positions: [pos(1, "concur")] }));
    expect(s.tally).toHaveLength(1);
  });

  it("is vacuously ready with no participants once closed", () => {
    expect(consensusStatus(round({ participants: [] })).ready).toBe(true);
  });

  describe("major comments", () => {
    const allConcur = [pos(1, "concur"), pos(2, "concur"), pos(3, "concur")];

    it("block until they have a disposition", () => {
      const s = consensusStatus(
        round({ positions: allConcur, comments: [comment({ number: 4, organisationId: JAXA.id })] }),
      );
      expect(s.ready).toBe(false);
      expect(s.reasons).toEqual([{ kind: "major_comment_open", agency: "JAXA", number: 4 }]);
      expect(describeReason(s.reasons[0]!)).toBe("Major comment 4 from JAXA has no disposition yet.");
    });

    it("no longer block once given any disposition, even a rejection", () => {
      const s = consensusStatus(
        round({ positions: allConcur, comments: [comment({ disposition: "rejected" })] }),
      );
      expect(s.ready).toBe(true);
    });

    it("do not block when withdrawn or never submitted", () => {
      const s = consensusStatus(
        round({
          positions: allConcur,
          comments: [comment({ number: 1, withdrawn: true }), comment({ number: 2, submitted: false })],
        }),
      );
      expect(s.ready).toBe(true);
    });

    it("are the only category that blocks", () => {
      const s = consensusStatus(
        round({
          positions: allConcur,
          comments: [
            comment({ number: 1, category: "editorial" }),
            comment({ number: 2, category: "technical" }),
          ],
        }),
      );
      expect(s.ready).toBe(true);
    });

    it("are listed in number order after the position reasons", () => {
      const s = consensusStatus(
        round({
          positions: [pos(1, "non_concur", "No")],
          comments: [comment({ number: 7 }), comment({ number: 3 })],
        }),
      );
      expect(s.reasons.map((r) => r.kind)).toEqual([
        "non_concur",
        "major_comment_open",
        "major_comment_open",
      ]);
      expect(s.reasons.slice(1).map((r) => ("number" in r ? r.number : 0))).toEqual([3, 7]);
    });
  });

  it("describes every kind of reason in a full sentence", () => {
    expect(describeReason({ kind: "round_open" })).toMatch(/still open/);
    expect(describeReason({ kind: "awaiting_position", agency: "CSA" })).toBe(
      "CSA has not given its position yet.",
    );
    expect(describeReason({ kind: "non_concur", agency: "CSA", rationale: "" })).toBe("CSA does not concur.");
  });
});

describe("a non-concur that names its cure", () => {
  const base = {
    participants: [
      { id: 1, acronym: "CNES" },
      { id: 2, acronym: "ESA" },
    ],
    silenceMeans: "abstain" as const,
    roundClosed: true,
  };
  const comment = (number: number, disposition: string | null) => ({
    number,
    organisationId: 1,
    category: "technical" as const,
    disposition,
    withdrawn: false,
    submitted: true,
  });
  it("reads per agency what would make the draft ready", () => {
    const status = consensusStatus({
      ...base,
      positions: [
        { organisationId: 1, position: "non_concur", rationale: "Budget unclear.", dependsOn: [31, 14] },
        { organisationId: 2, position: "concur", rationale: null },
      ],
      comments: [comment(14, null), comment(31, "accepted")],
    });
    expect(status.ready).toBe(false);
    expect(status.reasons[0]).toMatchObject({ kind: "non_concur", until: [14, 31], resolved: false });
    expect(describeReason(status.reasons[0]!)).toBe(
      "CNES: non-concur until comments 14 and 31 are resolved: Budget unclear.",
    );
  });
  it("once those comments have dispositions, asks the agency to confirm or change its position (still blocking)", () => {
    const status = consensusStatus({
      ...base,
      positions: [{ organisationId: 1, position: "non_concur", rationale: "", dependsOn: [14] }],
      comments: [comment(14, "rejected")],
    });
    expect(status.ready).toBe(false);
    expect(describeReason(status.reasons[0]!)).toBe(
      "CNES: non-concur; comment 14 now has a disposition, so CNES is asked to confirm or change its position.",
    );
  });
});
