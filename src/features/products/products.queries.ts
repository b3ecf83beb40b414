import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  organisations,
  productAgencies,
  products,
  productVersions,
  reviewPositions,
  reviewRounds,
  workingGroups,
} from "../../db/schema/index.js";
import { chairPersonIds } from "../groups/groups.queries.js";

export type Product = typeof products.$inferSelect;
export type Agency = { id: number; acronym: string; name: string };
export type ProductDetail = Product & {
  leadGroup: { id: number; slug: string; name: string; acronym: string | null } | null;
  agencies: Agency[];
  leadChairPersonIds: number[];
};
export type Version = typeof productVersions.$inferSelect;
export type ProductListItem = Product & {
  leadGroupName: string | null;
  versions: number;
  openRound: number | null;
};

export const PRODUCTS_PER_PAGE = 25;

/** One page of products, the newest first, with the lead group, version count and any open round. */
export async function listProducts(
  db: Db,
  page: number,
): Promise<{ items: ProductListItem[]; total: number }> {
  const [items, [count]] = await Promise.all([
    db
      .select({
        product: products,
        leadGroupName: workingGroups.name,
        versions: sql<number>`(select count(*)::int from ${productVersions} v where v.product_id = ${products.id})`,
        openRound: sql<
          number | null
        >`(select max(r.number) from ${reviewRounds} r where r.product_id = ${products.id} and r.status = 'open')`,
      })
      .from(products)
      .leftJoin(workingGroups, eq(workingGroups.id, products.leadGroupId))
      .orderBy(desc(products.updatedAt), desc(products.id))
      .limit(PRODUCTS_PER_PAGE)
      .offset((page - 1) * PRODUCTS_PER_PAGE),
    db.select({ n: sql<number>`count(*)::int` }).from(products),
  ]);
  return {
    items: items.map((r) => ({
      ...r.product,
      leadGroupName: r.leadGroupName,
      versions: r.versions,
      openRound: r.openRound,
    })),
    total: count!.n,
  };
}

/** The participating agencies of a product, by acronym. */
export function productAgencyList(db: Db, productId: number): Promise<Agency[]> {
  return db
    .select({ id: organisations.id, acronym: organisations.acronym, name: organisations.name })
    .from(productAgencies)
    .innerJoin(organisations, eq(organisations.id, productAgencies.organisationId))
    .where(eq(productAgencies.productId, productId))
    .orderBy(asc(organisations.acronym));
}

/** A product with its lead group, the people chairing that group, and its agencies. */
export async function findProductBySlug(db: Db, slug: string): Promise<ProductDetail | undefined> {
  const [row] = await db
    .select({
      product: products,
      group: {
        id: workingGroups.id,
        slug: workingGroups.slug,
        name: workingGroups.name,
        acronym: workingGroups.acronym,
      },
    })
    .from(products)
    .leftJoin(workingGroups, eq(workingGroups.id, products.leadGroupId))
    .where(eq(products.slug, slug));
  if (!row) return undefined;
  const [agencies, chairs] = await Promise.all([
    productAgencyList(db, row.product.id),
    row.product.leadGroupId ? chairPersonIds(db, row.product.leadGroupId) : Promise.resolve([]),
  ]);
  return {
    ...row.product,
    leadGroup: row.group?.id ? row.group : null,
    agencies,
    leadChairPersonIds: chairs,
  };
}

/** Every version of a product, the newest first. */
export function listVersions(db: Db, productId: number): Promise<Version[]> {
  return db
    .select()
    .from(productVersions)
    .where(eq(productVersions.productId, productId))
    .orderBy(desc(productVersions.number));
}

/** One version by its number. */
export async function findVersion(db: Db, productId: number, number: number): Promise<Version | undefined> {
  const [row] = await db
    .select()
    .from(productVersions)
    .where(and(eq(productVersions.productId, productId), eq(productVersions.number, number)));
  return row;
}

/** Organisations by acronym (case-insensitive). */
export async function organisationsByAcronym(db: Db, list: string[]): Promise<Map<string, Agency>> {
  if (list.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, acronym: organisations.acronym, name: organisations.name })
    .from(organisations)
    .where(
      inArray(
        sql`upper(${organisations.acronym})`,
        list.map((a) => a.toUpperCase()),
      ),
    );
  return new Map(rows.map((r) => [r.acronym.toUpperCase(), r]));
}

/** One position recorded in the round, by its id. */
export async function findPosition(db: Db, roundId: number, positionId: number) {
  const [row] = await db
    .select()
    .from(reviewPositions)
    .where(and(eq(reviewPositions.roundId, roundId), eq(reviewPositions.id, positionId)));
  return row;
}
