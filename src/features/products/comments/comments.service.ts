import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { productVersions, reviewComments, reviewRoundAgencies } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import { parseSections, sectionLabel } from "../../../domain/sections.js";
import type { Actor } from "../../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { plural } from "../../../web/words.js";
import { ensureOwnAgency, namedAgency } from "../named-agency.queries.js";
import { canChangeComment } from "../products.policy.js";
import type { ProductDetail } from "../products.queries.js";
import { commentInput, dispositionInput, dispositionLabels } from "../products.schemas.js";
import { type Comment, findComment, type RoundDetail } from "../rounds/rounds.queries.js";
import { lockOpenRound, sealedMessage } from "../rounds/rounds.service.js";
import { ensureMayComment, ensureMayDisposition, ensureMaySubmit, isSubmitted } from "./comments.policy.js";

/** Loads a comment the actor may change before submission (its author or the agency's focal point). */
export async function changeableComment(deps: Deps, actor: Actor, round: RoundDetail, number: number) {
  const comment = await findComment(deps.db, round.id, number);
  if (!comment) throw notFound("The comment");
  if (round.status !== "open") throw new AppError("conflict", sealedMessage);
  const submitted = isSubmitted(round, comment.organisationId);
  if (submitted && actor.kind === "person" && actor.organisationId === comment.organisationId) {
    throw new AppError("conflict", "Your agency has submitted its comments; they can no longer change.");
  }
  if (!canChangeComment(actor, round, comment, submitted))
    throw forbidden("Only its author and their agency's focal points can change it.");
  if (comment.withdrawn) throw new AppError("conflict", "This comment was withdrawn.");
  return comment;
}

/** The choice for a comment on the document as a whole rather than one section. */
export const WHOLE_DOCUMENT = { anchor: "", label: "Whole document" };

/** The sections a comment on this round may point at: the round version's, plus the whole document. */
export async function commentableSections(deps: Pick<Deps, "db">, round: RoundDetail) {
  const [v] = await deps.db
    .select({ body: productVersions.body })
    .from(productVersions)
    .where(eq(productVersions.id, round.versionId));
  return [
    WHOLE_DOCUMENT,
    ...parseSections(v?.body ?? "").sections.map((s) => ({ anchor: s.anchor, label: sectionLabel(s) })),
  ];
}

/** Refuses a write once the agency's set is submitted (checked under the round's lock). */
async function ensureNotSubmitted(tx: Db, roundId: number, organisationId: number) {
  const [row] = await tx
    .select({ at: reviewRoundAgencies.commentsSubmittedAt })
    .from(reviewRoundAgencies)
    .where(
      and(eq(reviewRoundAgencies.roundId, roundId), eq(reviewRoundAgencies.organisationId, organisationId)),
    );
  if (row?.at)
    throw new AppError("conflict", "Your agency has submitted its comments; they can no longer change.");
}

/** Writes a comment for the actor's own agency on the round's version. */
export async function createComment(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  raw: unknown,
): Promise<Comment> {
  ensureOwnAgency(actor, await namedAgency(deps.db, raw), "comment");
  const { person, orgId } = ensureMayComment(actor, round);
  const input = parseInput(commentInput, raw);
  const section = (await commentableSections(deps, round)).find(
    (s) => s.anchor === input.section || (input.section === "whole-document" && s.anchor === ""),
  );
  if (!section) throw invalid({ section: "Choose one of the version's sections." });
  const number = await write(
    deps,
    actor,
    async (tx, audit) => {
      await lockOpenRound(tx, round.id, deps.now());
      await ensureNotSubmitted(tx, round.id, orgId);
      const [last] = await tx
        .select({ n: sql<number>`coalesce(max(${reviewComments.number}), 0)::int` })
        .from(reviewComments)
        .where(eq(reviewComments.roundId, round.id));
      const [row] = await tx
        .insert(reviewComments)
        .values({
          roundId: round.id,
          number: last!.n + 1,
          organisationId: orgId,
          authorId: person.id,
          versionId: round.versionId,
          sectionAnchor: section.anchor,
          sectionLabel: section.label,
          category: input.category,
          text: input.text,
          proposedFrom: input.proposedFrom,
          proposedTo: input.proposedTo,
          createdAt: deps.now(),
          updatedAt: deps.now(),
        })
        .returning();
      await audit({
        action: "product.comment.add",
        subjectType: "product",
        subjectId: product.id,
        summary: `Comment ${row!.number} drafted in round ${round.number} of ${product.title}`,
        details: {
          round: round.number,
          comment: row!.number,
          section: section.label,
          category: input.category,
        },
      });
      return row!.number;
    },
    { invalidatesPages: false },
  );
  return (await findComment(deps.db, round.id, number))!;
}

/** Changes a draft comment (before the agency submits). */
export async function updateComment(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  number: number,
  raw: unknown,
) {
  ensureOwnAgency(actor, await namedAgency(deps.db, raw), "comment");
  const comment = await changeableComment(deps, actor, round, number);
  const input = parseInput(commentInput, raw);
  const section = (await commentableSections(deps, round)).find(
    (s) => s.anchor === input.section || (input.section === "whole-document" && s.anchor === ""),
  );
  if (!section) throw invalid({ section: "Choose one of the version's sections." });
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await lockOpenRound(tx, round.id, deps.now());
      await ensureNotSubmitted(tx, round.id, comment.organisationId);
      const after = {
        sectionAnchor: section.anchor,
        sectionLabel: section.label,
        category: input.category,
        text: input.text,
        proposedFrom: input.proposedFrom,
        proposedTo: input.proposedTo,
      };
      await tx
        .update(reviewComments)
        .set({ ...after, orphaned: false, updatedAt: deps.now() })
        .where(eq(reviewComments.id, comment.id));
      const before = {
        sectionAnchor: comment.sectionAnchor,
        sectionLabel: comment.sectionLabel,
        category: comment.category,
        text: comment.text,
        proposedFrom: comment.proposedFrom,
        proposedTo: comment.proposedTo,
      };
      await audit({
        action: "product.comment.edit",
        subjectType: "product",
        subjectId: product.id,
        summary: `Comment ${number} changed in round ${round.number} of ${product.title}`,
        details: { round: round.number, comment: number, before, after },
      });
    },
    { invalidatesPages: false },
  );
}

/** Withdraws a draft comment; the row stays, flagged, for the history. */
export async function withdrawComment(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  number: number,
) {
  const comment = await changeableComment(deps, actor, round, number);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await lockOpenRound(tx, round.id, deps.now());
      await ensureNotSubmitted(tx, round.id, comment.organisationId);
      await tx
        .update(reviewComments)
        .set({ withdrawn: true, updatedAt: deps.now() })
        .where(eq(reviewComments.id, comment.id));
      await audit({
        action: "product.comment.withdraw",
        subjectType: "product",
        subjectId: product.id,
        summary: `Comment ${number} withdrawn in round ${round.number} of ${product.title}`,
        details: { round: round.number, comment: number },
      });
    },
    { invalidatesPages: false },
  );
}

/** The agency's focal point submits its consolidated comments, once; other agencies see them then. */
export async function submitComments(deps: Deps, actor: Actor, product: ProductDetail, round: RoundDetail) {
  const orgId = ensureMaySubmit(actor, round);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await lockOpenRound(tx, round.id, deps.now());
      await ensureNotSubmitted(tx, round.id, orgId);
      await tx
        .update(reviewRoundAgencies)
        .set({
          commentsSubmittedAt: deps.now(),
          commentsSubmittedBy: actor.kind === "person" ? actor.id : null,
        })
        .where(and(eq(reviewRoundAgencies.roundId, round.id), eq(reviewRoundAgencies.organisationId, orgId)));
      const [n] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(reviewComments)
        .where(
          and(
            eq(reviewComments.roundId, round.id),
            eq(reviewComments.organisationId, orgId),
            eq(reviewComments.withdrawn, false),
          ),
        );
      await audit({
        action: "product.comments.submit",
        subjectType: "product",
        subjectId: product.id,
        summary: `${actor.kind === "person" ? actor.organisationAcronym : ""} submitted ${plural(n!.n, "comment")} in round ${round.number} of ${product.title}`,
        details: { round: round.number, comments: n!.n },
      });
    },
    { invalidatesPages: false },
  );
}

/** An editor's disposition of a submitted comment (may be revised; the audit keeps each one). */
export async function dispositionComment(
  deps: Deps,
  actor: Actor,
  product: ProductDetail,
  round: RoundDetail,
  number: number,
  raw: unknown,
) {
  const comment = await findComment(deps.db, round.id, number);
  if (!comment) throw notFound("The comment");
  ensureMayDisposition(actor, product, round, comment);
  const input = parseInput(dispositionInput, raw);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(reviewComments)
        .set({
          disposition: input.disposition,
          rationale: input.rationale,
          dispositionBy: actor.kind === "person" ? actor.id : null,
          dispositionAt: deps.now(),
          updatedAt: deps.now(),
        })
        .where(eq(reviewComments.id, comment.id));
      const before = { disposition: comment.disposition, rationale: comment.rationale };
      await audit({
        action: "product.comment.disposition",
        subjectType: "product",
        subjectId: product.id,
        summary: `Comment ${number} of round ${round.number}: ${dispositionLabels[input.disposition].toLowerCase()}`,
        details: { round: round.number, comment: number, before, after: input },
      });
    },
    { invalidatesPages: false },
  );
}
