import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  groupChairs,
  productAgencies,
  products,
  productVersions,
  reviewComments,
  reviewRounds,
  workingGroups,
} from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { reattachComment } from "../../domain/comment-matching.js";
import { parseSections } from "../../domain/sections.js";
import type { Actor } from "../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { canAddVersion, canCreateProduct, canEditProduct } from "./products.policy.js";
import {
  findProductBySlug,
  organisationsByAcronym,
  type ProductDetail,
  type Version,
} from "./products.queries.js";
import { type ProductInput, productInput, productSlug, versionInput } from "./products.schemas.js";

/** The working groups an actor may lead products for: all for the secretariat, else those they chair. */
export async function groupsActorMayLead(deps: Pick<Deps, "db">, actor: Actor) {
  const all = await deps.db
    .select({
      id: workingGroups.id,
      slug: workingGroups.slug,
      name: workingGroups.name,
      chairs: sql<
        number[]
      >`coalesce(array_agg(${groupChairs.personId}) filter (where ${groupChairs.personId} is not null), '{}')`,
    })
    .from(workingGroups)
    .leftJoin(groupChairs, eq(groupChairs.groupId, workingGroups.id))
    .groupBy(workingGroups.id)
    .orderBy(sql`lower(${workingGroups.name})`);
  return all.filter((g) => canEditProduct(actor, { leadChairPersonIds: g.chairs.map(Number) }));
}

/** Checks the input against the database: the lead group (one the actor may lead), agencies, a free slug. */
async function resolveProduct(deps: Deps, actor: Actor, input: ProductInput, current?: ProductDetail) {
  const groups = await groupsActorMayLead(deps, actor);
  const group = groups.find((g) => g.slug === input.leadGroup.toLowerCase());
  if (!group) {
    const [exists] = await deps.db
      .select({ id: workingGroups.id })
      .from(workingGroups)
      .where(eq(workingGroups.slug, input.leadGroup.toLowerCase()));
    if (!exists) throw invalid({ leadGroup: `There is no working group ${input.leadGroup}.` });
    // Leading for a group one does not chair is a right this actor lacks, not a typo to correct.
    throw forbidden("Only the secretariat and the group's chairs can make it the lead group.");
  }
  const found = await organisationsByAcronym(deps.db, input.agencies);
  const unknown = input.agencies.filter((a) => !found.has(a));
  if (unknown.length) throw invalid({ agencies: `There is no member ${unknown.join(", ")}.` });
  const slug = input.slug ?? current?.slug ?? productSlug(input.title);
  if (!slug) throw invalid({ title: "The title needs at least one letter or digit." });
  const [clash] = await deps.db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.slug, slug), ne(products.id, current?.id ?? -1)));
  if (clash) throw invalid({ slug: `Another product already uses the address ${slug}.` });
  return { slug, leadGroupId: group.id, agencyIds: [...found.values()].map((a) => a.id) };
}

async function saveAgencies(tx: Db, productId: number, agencyIds: number[]) {
  await tx.delete(productAgencies).where(eq(productAgencies.productId, productId));
  await tx.insert(productAgencies).values(agencyIds.map((organisationId) => ({ productId, organisationId })));
}

/** Starts a product (the secretariat, or a chair for a group they chair). */
export async function createProduct(deps: Deps, actor: Actor, raw: unknown): Promise<{ slug: string }> {
  if (!canCreateProduct(actor))
    throw forbidden("Only the secretariat and chairs of working groups can start products.");
  const input = parseInput(productInput, raw);
  const r = await resolveProduct(deps, actor, input);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .insert(products)
        .values({
          slug: r.slug,
          kind: input.kind,
          title: input.title,
          leadGroupId: r.leadGroupId,
          createdBy: actor.kind === "person" ? actor.id : null,
          createdAt: deps.now(),
          updatedAt: deps.now(),
        })
        .returning();
      await saveAgencies(tx, row!.id, r.agencyIds);
      await audit({
        action: "product.create",
        subjectType: "product",
        subjectId: row!.id,
        summary: `Started the product ${input.title}`,
        details: { kind: input.kind, leadGroup: input.leadGroup, agencies: input.agencies },
      });
      return { slug: row!.slug };
    },
    { invalidatesPages: false },
  );
}

/** Changes a product's title, kind, lead group or agencies (its editors only). */
export async function updateProduct(
  deps: Deps,
  actor: Actor,
  slug: string,
  raw: unknown,
): Promise<{ slug: string }> {
  const current = await findProductBySlug(deps.db, slug);
  if (!current) throw notFound("The product");
  if (!canEditProduct(actor, current))
    throw forbidden("Only the secretariat and the lead group's chairs can change it.");
  const input = parseInput(productInput, raw);
  const r = await resolveProduct(deps, actor, input, current);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(products)
        .set({
          slug: r.slug,
          kind: input.kind,
          title: input.title,
          leadGroupId: r.leadGroupId,
          updatedAt: deps.now(),
        })
        .where(eq(products.id, current.id));
      await saveAgencies(tx, current.id, r.agencyIds);
      const before = {
        slug: current.slug,
        title: current.title,
        kind: current.kind,
        leadGroup: current.leadGroup?.slug ?? null,
        agencies: current.agencies.map((a) => a.acronym),
      };
      const after = {
        slug: r.slug,
        title: input.title,
        kind: input.kind,
        leadGroup: input.leadGroup.toLowerCase(),
        agencies: input.agencies,
      };
      await audit({
        action: "product.update",
        subjectType: "product",
        subjectId: current.id,
        summary: `Changed the product ${input.title}`,
        details: { before, after },
      });
      return { slug: r.slug };
    },
    { invalidatesPages: false },
  );
}

/** Moves the product's open comments to the sections of a new version, or flags them orphaned. */
async function reattachOpenComments(tx: Db, productId: number, version: Version) {
  const { sections } = parseSections(version.body);
  const open = await tx
    .select({
      id: reviewComments.id,
      sectionAnchor: reviewComments.sectionAnchor,
      sectionLabel: reviewComments.sectionLabel,
    })
    .from(reviewComments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewComments.roundId))
    .where(
      and(
        eq(reviewRounds.productId, productId),
        isNull(reviewComments.disposition),
        eq(reviewComments.withdrawn, false),
      ),
    );
  let orphaned = 0;
  for (const c of open) {
    const place = reattachComment(c, sections);
    if (place.orphaned) orphaned++;
    await tx
      .update(reviewComments)
      .set({ versionId: version.id, ...place })
      .where(eq(reviewComments.id, c.id));
  }
  return { moved: open.length - orphaned, orphaned };
}

/** Adds a version (a new immutable row); open comments follow to the matching sections. */
export async function createVersion(deps: Deps, actor: Actor, slug: string, raw: unknown): Promise<Version> {
  const product = await findProductBySlug(deps.db, slug);
  if (!product) throw notFound("The product");
  if (!canEditProduct(actor, product))
    throw forbidden("Only the secretariat and the lead group's chairs add versions.");
  if (!canAddVersion(actor, product))
    throw new AppError("conflict", "The product is endorsed; its text can no longer change.");
  const input = parseInput(versionInput, raw);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      // Locking the product serialises version numbers between concurrent editors.
      await tx.execute(sql`select id from ${products} where id = ${product.id} for update`);
      const [last] = await tx
        .select({ n: sql<number>`coalesce(max(${productVersions.number}), 0)::int` })
        .from(productVersions)
        .where(eq(productVersions.productId, product.id));
      const [version] = await tx
        .insert(productVersions)
        .values({
          productId: product.id,
          number: last!.n + 1,
          body: input.body,
          note: input.note,
          createdBy: actor.kind === "person" ? actor.id : null,
          createdAt: deps.now(),
        })
        .returning();
      const moved = await reattachOpenComments(tx, product.id, version!);
      await tx.update(products).set({ updatedAt: deps.now() }).where(eq(products.id, product.id));
      await audit({
        action: "product.version.add",
        subjectType: "product",
        subjectId: product.id,
        summary: `Added version ${version!.number} of ${product.title}`,
        details: {
          version: version!.number,
          note: input.note,
          commentsMoved: moved.moved,
          commentsOrphaned: moved.orphaned,
        },
      });
      return version!;
    },
    { invalidatesPages: false },
  );
}
