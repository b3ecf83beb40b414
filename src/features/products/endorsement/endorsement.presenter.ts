import { z } from "@hono/zod-openapi";
import { type ConsensusStatus, describeReason } from "../../../domain/consensus.js";
import type { consensusRecord } from "../consensus-record/consensus-record.service.js";
import type { Endorsement } from "./endorsement.service.js";

/** Whether a round reached consensus in the API, and every reason why not. */
export const ConsensusJson = z
  .object({
    round: z.number().int(),
    ready: z.boolean(),
    reasons: z.array(
      z.object({
        kind: z.enum([
          "round_open",
          "awaiting_position",
          "non_concur",
          "silent_non_concur",
          "major_comment_open",
        ]),
        agency: z.string().optional(),
        rationale: z.string().optional(),
        number: z.number().int().optional(),
        until: z
          .array(z.number().int())
          .optional()
          .openapi({ description: "a non-concur's comments it waits for" }),
        resolved: z.boolean().optional().openapi({ description: "those comments all have a disposition" }),
        message: z.string(),
      }),
    ),
    tally: z.array(
      z.object({
        agency: z.string(),
        counted: z.enum(["concur", "concur_with_comments", "non_concur", "abstain"]).nullable(),
        bySilence: z.boolean(),
      }),
    ),
    hiddenAgencies: z
      .array(z.string())
      .openapi({ description: "agencies whose positions are hidden until the round closes" }),
  })
  .openapi("ConsensusStatus");

/** A line of a round's comment resolution matrix in the API. */
export const MatrixLine = z
  .object({
    number: z.number().int(),
    agency: z.string(),
    section: z.string(),
    orphaned: z.boolean(),
    category: z.enum(["editorial", "technical", "major"]),
    text: z.string(),
    proposedFrom: z.string().nullable(),
    proposedTo: z.string().nullable(),
    disposition: z.enum(["accepted", "accepted_with_changes", "rejected", "noted"]).nullable(),
    rationale: z.string().nullable(),
  })
  .openapi("CommentResolutionLine");

/** What endorsing a product produced, in the API. */
export const EndorsementJson = z
  .object({
    publication: z.string().openapi({ description: "slug of the new publication (/publications/{slug})" }),
    newsArticleId: z.number().int().nullable(),
    round: z.number().int(),
    version: z.number().int(),
    sha256: z.string().openapi({ description: "SHA-256 (hex) of the published version's text" }),
  })
  .openapi("Endorsement");

/** The consensus record of a published product in the API. */
export const RecordJson = z
  .object({
    product: z.object({ slug: z.string(), title: z.string() }),
    version: z.number().int(),
    sha256: z.string(),
    endorsedAt: z.string(),
    round: z.object({
      number: z.number().int(),
      version: z.number().int(),
      openedAt: z.string(),
      closedAt: z.string().nullable(),
      silenceMeans: z.string(),
    }),
    editorialOnly: z
      .object({ from: z.number(), to: z.number(), reason: z.string(), at: z.string() })
      .nullable(),
    decision: z
      .object({
        number: z.number(),
        text: z.string(),
        meeting: z.string(),
        meetingSlug: z.string(),
        date: z.string(),
      })
      .nullable(),
    publication: z.object({ slug: z.string(), title: z.string() }).nullable(),
    agencies: z.array(
      z.object({
        agency: z.string(),
        position: z.enum(["concur", "concur_with_comments", "non_concur", "abstain"]),
        givenAt: z.string().nullable(),
        bySilence: z.boolean(),
        onBehalf: z.boolean(),
        rationale: z.string().nullable(),
      }),
    ),
    comments: z.object({ total: z.number(), byDisposition: z.record(z.string(), z.number()) }),
  })
  .openapi("ConsensusRecord");

/** A round's consensus status for the API, each reason with its message. */
export function consensusJson(
  round: number,
  status: ConsensusStatus & { hiddenAgencies: string[] },
): z.infer<typeof ConsensusJson> {
  const reasons = status.reasons.map((r) => ({ ...r, message: describeReason(r) }));
  return { round, ...status, reasons };
}

/** An endorsement for the API. */
export function endorsementJson(done: Endorsement): z.infer<typeof EndorsementJson> {
  const { publicationSlug, ...rest } = done;
  return { publication: publicationSlug, ...rest };
}

/** The consensus record for the API: its dates as ISO 8601 instants, like every API answer. */
export const consensusRecordJson = (
  r: Awaited<ReturnType<typeof consensusRecord>>,
): z.infer<typeof RecordJson> => JSON.parse(JSON.stringify(r));
