import { and, desc, eq, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import type { Disposition } from "../../../db/schema/index.js";
import {
  carriedCommentConfirmations,
  organisations,
  people,
  productVersions,
  reviewComments,
  reviewRoundAgencies,
  reviewRounds,
} from "../../../db/schema/index.js";
import { type Carried, type CarriedStatus, carryComment } from "../../../domain/carried-comments.js";

/** A comment of an earlier round seen against a later version, with the editors' confirmation. */
export type CarriedItem = {
  id: number;
  number: number;
  round: number;
  organisationId: number;
  agency: string;
  text: string;
  disposition: Disposition | null;
  writtenOnNumber: number;
  carried: Carried;
  confirmed: { at: Date; by: string | null } | null;
};

/** Statuses that change what a comment points at: the editors confirm each, the agency re-confirms. */
export const needsConfirmation = (s: CarriedStatus) => s !== "unchanged";
const changesSubstance = (s: CarriedStatus) => s === "text_changed" || s === "orphaned";

/** The newest round on a version older than `versionNumber`: the round a new version answers. */
export async function previousRound(db: Db, productId: number, versionNumber: number) {
  const [row] = await db
    .select({ id: reviewRounds.id, number: reviewRounds.number })
    .from(reviewRounds)
    .innerJoin(productVersions, eq(productVersions.id, reviewRounds.versionId))
    .where(and(eq(reviewRounds.productId, productId), lt(productVersions.number, versionNumber)))
    .orderBy(desc(reviewRounds.number))
    .limit(1);
  return row;
}

/**
 * The comments a version must account for: every submitted comment of the previous round (answered
 * or not, since accepted ones are what changed the text) and open comments of older rounds that were
 * carried to it. Unsubmitted drafts stay inside their agency.
 */
export async function carriedItems(
  db: Db,
  productId: number,
  version: { id: number; number: number; body: string },
): Promise<CarriedItem[]> {
  const prev = await previousRound(db, productId, version.number);
  const rows = await db
    .select({
      id: reviewComments.id,
      number: reviewComments.number,
      round: reviewRounds.number,
      organisationId: reviewComments.organisationId,
      agency: organisations.acronym,
      text: reviewComments.text,
      disposition: reviewComments.disposition,
      sectionAnchor: reviewComments.sectionAnchor,
      sectionLabel: reviewComments.sectionLabel,
      orphaned: reviewComments.orphaned,
      writtenOn: productVersions.body,
      writtenOnNumber: productVersions.number,
      confirmedAt: carriedCommentConfirmations.createdAt,
      confirmedBy: people.name,
    })
    .from(reviewComments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewComments.roundId))
    .innerJoin(productVersions, eq(productVersions.id, reviewRounds.versionId))
    .innerJoin(organisations, eq(organisations.id, reviewComments.organisationId))
    .innerJoin(
      reviewRoundAgencies,
      and(
        eq(reviewRoundAgencies.roundId, reviewComments.roundId),
        eq(reviewRoundAgencies.organisationId, reviewComments.organisationId),
      ),
    )
    .leftJoin(
      carriedCommentConfirmations,
      and(
        eq(carriedCommentConfirmations.commentId, reviewComments.id),
        eq(carriedCommentConfirmations.versionId, version.id),
      ),
    )
    .leftJoin(people, eq(people.id, carriedCommentConfirmations.personId))
    .where(
      and(
        eq(reviewRounds.productId, productId),
        ne(reviewRounds.versionId, version.id),
        eq(reviewComments.withdrawn, false),
        isNotNull(reviewRoundAgencies.commentsSubmittedAt),
        or(
          and(eq(reviewComments.versionId, version.id), isNull(reviewComments.disposition)),
          prev ? eq(reviewComments.roundId, prev.id) : undefined,
        ),
      ),
    )
    .orderBy(reviewRounds.number, reviewComments.number);
  return rows.map(({ writtenOn, confirmedAt, confirmedBy, ...r }) => ({
    ...r,
    carried: carryComment(writtenOn, version.body, r),
    confirmed: confirmedAt ? { at: confirmedAt, by: confirmedBy } : null,
  }));
}

/** The agencies whose commented sections changed in substance: they are asked to re-confirm. */
export function agenciesToReconfirm(items: CarriedItem[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const i of items) if (changesSubstance(i.carried.status)) out.set(i.organisationId, i.agency);
  return out;
}
