import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { products, productVersions, publications } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { describeReason } from "../../domain/consensus.js";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { type AuditEntry, write } from "../audit/write.js";
import type { Actor } from "../auth/actor.js";
import { checkPdf } from "../publications/publications.files.js";
import type { UploadedFile } from "../publications/publications.schemas.js";
import { slugifyTitle } from "../publications/publications.schemas.js";
import { roundConsensus, roundForEndorsement } from "./consensus.queries.js";
import { canEndorseProduct } from "./endorsement.policy.js";
import { type DecisionChoice, findDecisionWithMeeting } from "./endorsement.queries.js";
import { insertNews, insertPublication, type StoredFile, storedFile } from "./endorsement.records.js";
import { type EndorsementInput, endorsementInput } from "./endorsement.schemas.js";
import { findProductBySlug, type ProductDetail } from "./products.queries.js";
import type { RoundDetail } from "./rounds.queries.js";

/** What endorsing produced. */
export type Endorsement = {
  publicationSlug: string;
  newsArticleId: number | null;
  round: number;
  version: number;
};

/** Refuses unless the decision exists and was taken at a SAM meeting. */
async function samDecision(deps: Deps, id: number): Promise<DecisionChoice> {
  const decision = await findDecisionWithMeeting(deps.db, id);
  if (!decision) throw invalid({ decision: "Choose an existing meeting decision." });
  if (decision.meetingKind !== "sam_meeting") {
    throw invalid({
      decision: "Only a decision of a SAM meeting (Senior Agency Managers) endorses a product.",
    });
  }
  return decision;
}

/** The closed round whose consensus endorses the product; refuses with every reason it cannot. */
export async function agreedRound(deps: Deps, product: ProductDetail): Promise<RoundDetail> {
  const { open, closed } = await roundForEndorsement(deps, product.id);
  if (open)
    throw new AppError("conflict", `Review round ${open.number} is still open; wait until it closes.`);
  if (!closed)
    throw new AppError("conflict", "No review round has closed yet: a product is endorsed after review.");
  const status = await roundConsensus(deps.db, closed);
  if (!status.ready) {
    const why = status.reasons.map(describeReason).join(" ");
    throw new AppError("conflict", `Round ${closed.number} has not reached consensus. ${why}`);
  }
  return closed;
}

/** Checks the publication address and file before anything is written. */
async function checkPublication(
  deps: Deps,
  input: EndorsementInput,
  title: string,
  file: UploadedFile | null,
) {
  const slug = input.slug ?? slugifyTitle(title);
  if (!slug) throw invalid({ slug: "Enter an address for the publication." });
  const [clash] = await deps.db
    .select({ id: publications.id })
    .from(publications)
    .where(eq(publications.slug, slug));
  if (clash) throw invalid({ slug: `Another publication already uses the address ${slug}.` });
  if (file && input.externalUrl) {
    throw invalid({ externalUrl: "A publication has either a PDF file or an external link, not both." });
  }
  if (file) checkPdf(file);
  return slug;
}

/**
 * Endorses a product by a SAM meeting decision and publishes it as a public publication (and, if
 * wished, a news item) in one transaction. Only when the latest closed round reached consensus.
 */
export async function endorseProduct(
  deps: Deps,
  actor: Actor,
  productSlug: string,
  raw: unknown,
  file: UploadedFile | null = null,
): Promise<Endorsement> {
  const product = await findProductBySlug(deps.db, productSlug);
  if (!product) throw notFound("The product");
  if (!canEndorseProduct(actor)) throw forbidden("Only the secretariat endorses and publishes products.");
  if (product.status !== "drafting") throw alreadyPublished();
  const input = parseInput(endorsementInput, raw);
  const decision = await samDecision(deps, input.decision);
  const round = await agreedRound(deps, product);
  const title = input.title ?? product.title;
  const slug = await checkPublication(deps, input, title, file);
  const stored: Partial<StoredFile> = file ? await storedFile(file) : {};
  const plan: Plan = { product, decision, round, input, title, slug, stored, file };
  return write(deps, actor, (tx, audit) => publishInTransaction(deps, tx, audit, actor, plan));
}

type Plan = {
  product: ProductDetail;
  decision: DecisionChoice;
  round: RoundDetail;
  input: EndorsementInput;
  title: string;
  slug: string;
  stored: Partial<StoredFile>;
  file: UploadedFile | null;
};

/** The one transaction: publication, optional news item, the product endorsed, and the audit entries. */
async function publishInTransaction(
  deps: Deps,
  tx: Db,
  audit: (entry: AuditEntry) => Promise<void>,
  actor: Actor,
  plan: Plan,
): Promise<Endorsement> {
  const { product, decision, round, input, title, slug } = plan;
  await lockDrafting(tx, product.id);
  const [version] = await tx.select().from(productVersions).where(eq(productVersions.id, round.versionId));
  const publicationId = await insertPublication(deps, tx, product, { ...plan, body: version!.body });
  await audit({
    action: "publication.create",
    subjectType: "publication",
    subjectId: publicationId,
    summary: `Added publication ${title} (from the product ${product.title})`,
  });
  const news = await insertNews(deps, tx, actor, input, { title, slug });
  if (news)
    await audit({
      action: "news.create",
      subjectType: "news_article",
      subjectId: news.id,
      summary: `Wrote the ${input.news === "draft" ? "draft" : "article"} "${news.title}"`,
    });
  const now = deps.now();
  await tx
    .update(products)
    .set({
      status: "published",
      endorsedByDecisionId: decision.id,
      endorsedAt: now,
      publicationId,
      newsArticleId: news?.id ?? null,
      updatedAt: now,
    })
    .where(eq(products.id, product.id));
  await auditEndorsement(audit, plan, version!.number, news !== null);
  return {
    publicationSlug: slug,
    newsArticleId: news?.id ?? null,
    round: round.number,
    version: version!.number,
  };
}

/** The product's two history entries: endorsed (by which decision, on which round) and published. */
async function auditEndorsement(
  audit: (entry: AuditEntry) => Promise<void>,
  plan: Plan,
  version: number,
  withNews: boolean,
): Promise<void> {
  const { product, decision, round, input, title, slug } = plan;
  const cite = `decision D${decision.number} of ${decision.meetingTitle}`;
  await audit({
    action: "product.endorse",
    subjectType: "product",
    subjectId: product.id,
    summary: `Endorsed ${product.title} by ${cite}, on round ${round.number} (version ${version})`,
    details: { decision: decision.id, round: round.number, version: version },
  });
  await audit({
    action: "product.publish",
    subjectType: "product",
    subjectId: product.id,
    summary: `Published ${product.title} as the publication ${title}${withNews ? ` with a ${input.news} news item` : ""}`,
    details: {
      publication: slug,
      news: input.news,
      file: plan.stored.fileName ?? null,
      externalUrl: input.externalUrl,
    },
  });
}

const alreadyPublished = () =>
  new AppError("conflict", "This product has already been endorsed and published.");

/** Locks the product row and refuses when another request endorsed it meanwhile. */
async function lockDrafting(tx: Db, productId: number): Promise<void> {
  const [row] = await tx
    .select({ status: products.status })
    .from(products)
    .where(eq(products.id, productId))
    .for("update");
  if (row?.status !== "drafting") throw alreadyPublished();
}
