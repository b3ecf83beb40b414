import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { editorialConfirmations } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { AppError, forbidden, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { editorialConfirmationInput } from "../endorsement/endorsement.schemas.js";
import { canAddVersion, canEditProduct } from "../products.policy.js";
import { findProductBySlug, listVersions, type ProductDetail, type Version } from "../products.queries.js";
import type { RoundDetail } from "../rounds/rounds.queries.js";

/** The SHA-256 (hex) of a version's text as stored (UTF-8): what the publication and its record carry. */
export const textSha256 = (body: string) => createHash("sha256").update(body, "utf8").digest("hex");

/** Which version endorsement may publish, measured against the round that reached consensus. */
export type AgreedVersion = {
  /** The version the round reached consensus on. */
  agreed: Version;
  /** The newest version of the product. */
  latest: Version;
  /** The editors' editorial-only record from the agreed version to the latest, if any. */
  editorial: { reason: string; createdAt: Date } | null;
  /** The version endorsement publishes, or null while later versions wait for confirmation. */
  endorsable: Version | null;
};

/** Finds the agreed and latest versions and whether the versions in between were confirmed. */
export async function agreedVersion(
  deps: Pick<Deps, "db">,
  product: ProductDetail,
  round: RoundDetail,
): Promise<AgreedVersion> {
  const versions = await listVersions(deps.db, product.id);
  const latest = versions.reduce((a, b) => (b.number > a.number ? b : a));
  const agreed = versions.find((v) => v.id === round.versionId)!;
  if (latest.id === agreed.id) return { agreed, latest, editorial: null, endorsable: agreed };
  const [editorial] = await deps.db
    .select({ reason: editorialConfirmations.reason, createdAt: editorialConfirmations.createdAt })
    .from(editorialConfirmations)
    .where(
      and(
        eq(editorialConfirmations.productId, product.id),
        eq(editorialConfirmations.fromVersionId, agreed.id),
        eq(editorialConfirmations.toVersionId, latest.id),
      ),
    )
    .orderBy(desc(editorialConfirmations.createdAt))
    .limit(1);
  return { agreed, latest, editorial: editorial ?? null, endorsable: editorial ? latest : null };
}

/** The refusal while later versions wait: say which, and the two ways on. */
export function unconfirmedMessage(a: AgreedVersion, round: number): string {
  return `Version ${a.latest.number} was added after round ${round} reached consensus on version ${a.agreed.number}: open a confirming round on version ${a.latest.number}, or record that the changes are editorial only.`;
}

/**
 * Records the editors' statement that the versions after the agreed one change nothing of substance,
 * so the latest may be endorsed without a confirming round. It must start at the version the last
 * closed round agreed on and end at the latest version; audited and shown in the history.
 */
export async function recordEditorialOnly(
  deps: Deps,
  actor: Actor,
  slug: string,
  round: RoundDetail | null,
  raw: unknown,
): Promise<void> {
  const product = await findProductBySlug(deps.db, slug);
  if (!product) throw notFound("The product");
  if (!canEditProduct(actor, product))
    throw forbidden("Only the secretariat and the lead group's chairs record editorial-only changes.");
  if (!canAddVersion(actor, product))
    throw new AppError("conflict", "The product is endorsed; nothing more to confirm.");
  const input = parseInput(editorialConfirmationInput, raw);
  if (round?.status !== "closed")
    throw new AppError("conflict", "No closed review round agreed on a version yet.");
  const state = await agreedVersion(deps, product, round);
  if (input.from !== state.agreed.number || input.to !== state.latest.number || input.to <= input.from) {
    throw new AppError(
      "conflict",
      `Editorial-only changes run from version ${state.agreed.number} (agreed in round ${round.number}) to the latest, version ${state.latest.number}.`,
    );
  }
  if (state.editorial)
    throw new AppError("conflict", "These changes are already recorded as editorial only.");
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx.insert(editorialConfirmations).values({
        productId: product.id,
        fromVersionId: state.agreed.id,
        toVersionId: state.latest.id,
        reason: input.reason,
        personId: actor.kind === "person" ? actor.id : null,
        createdAt: deps.now(),
      });
      await audit({
        action: "product.version.editorial",
        subjectType: "product",
        subjectId: product.id,
        summary: `Recorded that the changes from version ${input.from} to version ${input.to} are editorial only: ${input.reason}`,
        details: { from: input.from, to: input.to, round: round.number, reason: input.reason },
      });
    },
    { invalidatesPages: false },
  );
}
