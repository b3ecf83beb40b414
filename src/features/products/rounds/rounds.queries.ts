import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import {
  organisations,
  people,
  productVersions,
  reviewComments,
  reviewPositions,
  reviewRoundAgencies,
  reviewRounds,
} from "../../../db/schema/index.js";

export type Round = typeof reviewRounds.$inferSelect;
export type RoundAgency = {
  id: number;
  acronym: string;
  name: string;
  commentsSubmittedAt: Date | null;
  submittedByName: string | null;
};
export type RoundDetail = Round & { versionNumber: number; agencies: RoundAgency[]; agencyIds: number[] };
export type Comment = typeof reviewComments.$inferSelect & {
  agencyAcronym: string;
  authorName: string | null;
  versionNumber: number;
};
export type PositionRow = typeof reviewPositions.$inferSelect & {
  agencyAcronym: string;
  personName: string | null;
};

/** The rounds of a product, the newest first, with their version number. */
export async function listRounds(
  db: Db,
  productId: number,
): Promise<Array<Round & { versionNumber: number }>> {
  const rows = await db
    .select({ round: reviewRounds, versionNumber: productVersions.number })
    .from(reviewRounds)
    .innerJoin(productVersions, eq(productVersions.id, reviewRounds.versionId))
    .where(eq(reviewRounds.productId, productId))
    .orderBy(desc(reviewRounds.number));
  return rows.map((r) => ({ ...r.round, versionNumber: r.versionNumber }));
}

/** The agencies invited to a round, with when each submitted its comments. */
export function roundAgencies(db: Db, roundId: number): Promise<RoundAgency[]> {
  return db
    .select({
      id: organisations.id,
      acronym: organisations.acronym,
      name: organisations.name,
      commentsSubmittedAt: reviewRoundAgencies.commentsSubmittedAt,
      submittedByName: people.name,
    })
    .from(reviewRoundAgencies)
    .innerJoin(organisations, eq(organisations.id, reviewRoundAgencies.organisationId))
    .leftJoin(people, eq(people.id, reviewRoundAgencies.commentsSubmittedBy))
    .where(eq(reviewRoundAgencies.roundId, roundId))
    .orderBy(asc(organisations.acronym));
}

/** One round of a product by its number, with its agencies. */
export async function findRound(db: Db, productId: number, number: number): Promise<RoundDetail | undefined> {
  const [row] = await db
    .select({ round: reviewRounds, versionNumber: productVersions.number })
    .from(reviewRounds)
    .innerJoin(productVersions, eq(productVersions.id, reviewRounds.versionId))
    .where(and(eq(reviewRounds.productId, productId), eq(reviewRounds.number, number)));
  if (!row) return undefined;
  const agencies = await roundAgencies(db, row.round.id);
  return { ...row.round, versionNumber: row.versionNumber, agencies, agencyIds: agencies.map((a) => a.id) };
}

const commentColumns = {
  comment: reviewComments,
  agencyAcronym: organisations.acronym,
  authorName: people.name,
  versionNumber: productVersions.number,
};
type CommentRow = {
  comment: typeof reviewComments.$inferSelect;
  agencyAcronym: string;
  authorName: string | null;
  versionNumber: number;
};
const flatten = (r: CommentRow): Comment => ({
  ...r.comment,
  agencyAcronym: r.agencyAcronym,
  authorName: r.authorName,
  versionNumber: r.versionNumber,
});

/** Every comment of a round in number order (callers filter what the actor may see). */
export async function listComments(db: Db, roundId: number): Promise<Comment[]> {
  const rows = await db
    .select(commentColumns)
    .from(reviewComments)
    .innerJoin(organisations, eq(organisations.id, reviewComments.organisationId))
    .innerJoin(productVersions, eq(productVersions.id, reviewComments.versionId))
    .leftJoin(people, eq(people.id, reviewComments.authorId))
    .where(eq(reviewComments.roundId, roundId))
    .orderBy(asc(reviewComments.number));
  return rows.map(flatten);
}

/** One comment of a round by its number. */
export async function findComment(db: Db, roundId: number, number: number): Promise<Comment | undefined> {
  const [row] = await db
    .select(commentColumns)
    .from(reviewComments)
    .innerJoin(organisations, eq(organisations.id, reviewComments.organisationId))
    .innerJoin(productVersions, eq(productVersions.id, reviewComments.versionId))
    .leftJoin(people, eq(people.id, reviewComments.authorId))
    .where(and(eq(reviewComments.roundId, roundId), eq(reviewComments.number, number)));
  return row ? flatten(row) : undefined;
}

/** Every position row of a round, oldest first (the history; the newest per agency counts). */
export async function listPositionRows(db: Db, roundId: number): Promise<PositionRow[]> {
  const rows = await db
    .select({ position: reviewPositions, agencyAcronym: organisations.acronym, personName: people.name })
    .from(reviewPositions)
    .innerJoin(organisations, eq(organisations.id, reviewPositions.organisationId))
    .leftJoin(people, eq(people.id, reviewPositions.personId))
    .where(eq(reviewPositions.roundId, roundId))
    .orderBy(asc(reviewPositions.createdAt), asc(reviewPositions.id));
  return rows.map((r) => ({ ...r.position, agencyAcronym: r.agencyAcronym, personName: r.personName }));
}

/** The position that counts per agency: its newest row. */
export function currentPositions(rows: PositionRow[]): Map<number, PositionRow> {
  const current = new Map<number, PositionRow>();
  for (const r of rows) current.set(r.organisationId, r);
  return current;
}

/** Active people of the given organisations, for the review invitation mail. */
export function activePeopleOf(db: Db, organisationIds: number[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(inArray(people.organisationId, organisationIds), eq(people.active, true)))
    .orderBy(asc(people.id));
}
