import { desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { products, productVersions, publications } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import { describeReason } from "../../../domain/consensus.js";
import type { Actor } from "../../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { slugify } from "../../../kit/slugs.js";
import type { UploadedFile } from "../../../kit/uploads.js";
import { type AuditEntry, write } from "../../../kit/write.js";
import { checkPdf } from "../../publications/publications.files.service.js";
import { agreedVersion, textSha256, unconfirmedMessage } from "../consensus/agreed-version.service.js";
import { roundConsensus, roundForEndorsement } from "../consensus/consensus.queries.js";
import { findProductBySlug, type ProductDetail, type Version } from "../products.queries.js";
import type { RoundDetail } from "../rounds/rounds.queries.js";
import { canEndorseProduct } from "./endorsement.policy.js";
import { type DecisionChoice, findDecisionWithMeeting } from "./endorsement.queries.js";
import { type EndorsementInput, endorsementInput } from "./endorsement.schemas.js";
import {
  createNewsRecord,
  createPublicationRecord,
  type StoredFile,
  stampedPdf,
  storedFile,
  unstampedPdf,
} from "./endorsement-records.service.js";

/** What endorsing produced. */
export type Endorsement = {
  publicationSlug: string;
  newsArticleId: number | null;
  round: number;
  version: number;
  sha256: string;
};

/** Refuses unless the decision exists and was taken at a SAM meeting already held (not a future one). */
async function samDecision(deps: Deps, id: number): Promise<DecisionChoice> {
  const decision = await findDecisionWithMeeting(deps.db, id);
  if (!decision) throw invalid({ decision: "Choose an existing meeting decision." });
  if (decision.meetingKind !== "sam_meeting") {
    throw invalid({
      decision: "Only a decision of a SAM meeting (Senior Agency Managers) endorses a product.",
    });
  }
  if (decision.meetingStartsAt > deps.now()) {
    throw invalid({
      decision: "This SAM meeting has not been held yet: only a decision of a meeting already held endorses.",
    });
  }
  return decision;
}

/** The version to publish: the one the round agreed on, or the latest once confirmed; the one named. */
async function versionToPublish(
  deps: Deps,
  product: ProductDetail,
  round: RoundDetail,
  named: number,
): Promise<{ version: Version; editorial: boolean }> {
  const state = await agreedVersion(deps, product, round);
  if (!state.endorsable) throw new AppError("conflict", unconfirmedMessage(state, round.number));
  if (named !== state.endorsable.number) {
    throw new AppError(
      "conflict",
      `The endorsement names version ${named}, but the version agreed is version ${state.endorsable.number}.`,
    );
  }
  return { version: state.endorsable, editorial: state.editorial !== null };
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
  const slug = input.slug ?? slugify(title, 80);
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
  const { version, editorial } = await versionToPublish(deps, product, round, input.version);
  const title = input.title ?? product.title;
  const slug = await checkPublication(deps, input, title, file);
  const sha256 = textSha256(version.body);
  const stamp = { number: version.number, sha256 };
  const pdf =
    file ?? (input.externalUrl ? null : await stampedPdf(deps, input, title, slug, version.body, stamp));
  const stored: Partial<StoredFile> = pdf ? await storedFile(pdf) : {};
  if (file && !stored.text?.replace(/\s+/g, "").includes(sha256)) throw unstampedPdf(stamp);
  const plan: Plan = {
    product,
    decision,
    round,
    version,
    editorial,
    sha256,
    input,
    title,
    slug,
    stored,
    file: pdf,
  };
  return write(deps, actor, (tx, audit) => publishInTransaction(deps, tx, audit, actor, plan));
}

type Plan = {
  product: ProductDetail;
  decision: DecisionChoice;
  round: RoundDetail;
  version: Version;
  /** True when the version is later than the round's, confirmed as editorial-only changes. */
  editorial: boolean;
  sha256: string;
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
  const { product, decision, round, input, title, slug, version, sha256 } = plan;
  await lockDrafting(tx, product.id, version.id);
  const publicationId = await createPublicationRecord(deps, tx, product, {
    ...plan,
    body: version.body,
    version: { number: version.number, sha256 },
  });
  await audit({
    action: "publication.create",
    subjectType: "publication",
    subjectId: publicationId,
    summary: `Added publication ${title} (from the product ${product.title})`,
  });
  const news = await createNewsRecord(deps, tx, actor, input, { title, slug });
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
      endorsedVersionId: version.id,
      endorsedSha256: sha256,
      updatedAt: now,
    })
    .where(eq(products.id, product.id));
  await auditEndorsement(audit, plan, news !== null);
  return {
    publicationSlug: slug,
    newsArticleId: news?.id ?? null,
    round: round.number,
    version: version.number,
    sha256,
  };
}

/** The product's two history entries: endorsed (by which decision, on which round) and published. */
async function auditEndorsement(
  audit: (entry: AuditEntry) => Promise<void>,
  plan: Plan,
  withNews: boolean,
): Promise<void> {
  const { product, decision, round, input, title, slug, sha256, editorial } = plan;
  const version = plan.version.number;
  const cite = `decision D${decision.number} of ${decision.meetingTitle}`;
  const basis = editorial
    ? `round ${round.number} on version ${round.versionNumber}, later changes editorial only`
    : `round ${round.number}`;
  await audit({
    action: "product.endorse",
    subjectType: "product",
    subjectId: product.id,
    summary: `Endorsed version ${version} of ${product.title} (SHA-256 ${sha256}) by ${cite}, on ${basis}`,
    details: { decision: decision.id, round: round.number, version, sha256, editorial },
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

/**
 * Locks the product row and refuses when another request endorsed it meanwhile, or when a version was
 * added since the checks (adding a version takes the same lock), so nothing but the version checked
 * is published.
 */
async function lockDrafting(tx: Db, productId: number, versionId: number): Promise<void> {
  const [row] = await tx
    .select({ status: products.status })
    .from(products)
    .where(eq(products.id, productId))
    .for("update");
  if (row?.status !== "drafting") throw alreadyPublished();
  const [latest] = await tx
    .select({ id: productVersions.id })
    .from(productVersions)
    .where(eq(productVersions.productId, productId))
    .orderBy(desc(productVersions.number))
    .limit(1);
  if (latest?.id !== versionId)
    throw new AppError("conflict", "A version was added meanwhile: check what is to be endorsed again.");
}
