import { and, eq, sql } from "drizzle-orm";
import { products, reviewComments, reviewRoundAgencies, reviewRounds } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import { AppError } from "../../../http/errors.js";
import { agreedVersion } from "../consensus/agreed-version.service.js";
import { consensusInput, roundForEndorsement } from "../consensus/consensus.queries.js";
import { publishedAs } from "../endorsement/endorsement.queries.js";
import type { ProductDetail } from "../products.queries.js";
import { currentPositions, listPositionRows } from "../rounds/rounds.queries.js";

type Counted = "concur" | "concur_with_comments" | "non_concur" | "abstain";

/** The record of how a published product was agreed: version and hash, positions, comments, decision. */
export type ConsensusRecord = {
  product: { slug: string; title: string };
  version: number;
  sha256: string;
  endorsedAt: Date;
  round: {
    number: number;
    version: number;
    openedAt: Date;
    closedAt: Date | null;
    silenceMeans: "concur" | "abstain" | "non_concur";
  };
  editorialOnly: { from: number; to: number; reason: string; at: Date } | null;
  decision: { number: number; text: string; meeting: string; meetingSlug: string; date: Date } | null;
  publication: { slug: string; title: string } | null;
  agencies: Array<{
    agency: string;
    position: Counted;
    givenAt: Date | null;
    bySilence: boolean;
    onBehalf: boolean;
    rationale: string | null;
  }>;
  /** Submitted, not withdrawn comments of every round, counted by disposition ("none" when unanswered). */
  comments: { total: number; byDisposition: Record<string, number> };
};

/** Builds the consensus record of a published product (409 while it is not published). */
export async function consensusRecord(deps: Deps, product: ProductDetail): Promise<ConsensusRecord> {
  if (product.status === "drafting" || !product.endorsedAt || !product.endorsedSha256)
    throw new AppError(
      "conflict",
      "The product is not published yet: its consensus record is made at publication.",
    );
  // After publication no round can open, so the newest round is the one endorsement rested on.
  const { closed } = await roundForEndorsement(deps, product.id);
  if (!closed) throw new AppError("conflict", "No review round closed for this product.");
  const [input, rows, state, done, comments] = await Promise.all([
    consensusInput(deps.db, closed),
    listPositionRows(deps.db, closed.id),
    agreedVersion(deps, product, closed),
    publishedAs(deps.db, product),
    commentCounts(deps, product.id),
  ]);
  const current = currentPositions(rows);
  const agencies = closed.agencies
    .map((a) => {
      const p = current.get(a.id);
      return {
        agency: a.acronym,
        position: (p?.position ?? input.silenceMeans) as Counted,
        givenAt: p?.createdAt ?? null,
        bySilence: !p,
        onBehalf: p?.onBehalf ?? false,
        rationale: p?.rationale ?? null,
      };
    })
    .sort((a, b) => a.agency.localeCompare(b.agency));
  return {
    product: { slug: product.slug, title: product.title },
    version: done.versionNumber ?? state.latest.number,
    sha256: product.endorsedSha256,
    endorsedAt: product.endorsedAt,
    round: {
      number: closed.number,
      version: closed.versionNumber,
      openedAt: closed.openedAt,
      closedAt: closed.closedAt,
      silenceMeans: closed.silenceMeans,
    },
    editorialOnly: state.editorial
      ? {
          from: state.agreed.number,
          to: state.latest.number,
          reason: state.editorial.reason,
          at: state.editorial.createdAt,
        }
      : null,
    decision: done.decision
      ? {
          number: done.decision.number,
          text: done.decision.text,
          meeting: done.decision.meetingTitle,
          meetingSlug: done.decision.meetingSlug,
          date: done.decision.meetingStartsAt,
        }
      : null,
    publication: done.publication,
    agencies,
    comments,
  };
}

async function commentCounts(deps: Deps, productId: number) {
  const rows = await deps.db
    .select({
      disposition: sql<string>`coalesce(${reviewComments.disposition}, 'none')`,
      n: sql<number>`count(*)::int`,
    })
    .from(reviewComments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewComments.roundId))
    .innerJoin(
      reviewRoundAgencies,
      and(
        eq(reviewRoundAgencies.roundId, reviewComments.roundId),
        eq(reviewRoundAgencies.organisationId, reviewComments.organisationId),
      ),
    )
    .where(
      and(
        eq(reviewRounds.productId, productId),
        eq(reviewComments.withdrawn, false),
        sql`${reviewRoundAgencies.commentsSubmittedAt} is not null`,
      ),
    )
    .groupBy(sql`coalesce(${reviewComments.disposition}, 'none')`);
  const byDisposition: Record<string, number> = {
    accepted: 0,
    accepted_with_changes: 0,
    rejected: 0,
    noted: 0,
    none: 0,
  };
  for (const r of rows) byDisposition[r.disposition] = r.n;
  return { total: rows.reduce((s, r) => s + r.n, 0), byDisposition };
}

/** The product a publication was published from, if any (for the publication's link to its record). */
export async function productOfPublication(deps: Pick<Deps, "db">, publicationId: number) {
  const [row] = await deps.db
    .select({ slug: products.slug })
    .from(products)
    .where(eq(products.publicationId, publicationId));
  return row ?? null;
}
