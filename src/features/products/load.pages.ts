import type { Person } from "../../http/actor.js";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { canReadProducts } from "./products.policy.js";
import { findProductBySlug, type ProductDetail } from "./products.queries.js";
import type { RoundDetail } from "./rounds/rounds.queries.js";
import { currentRound } from "./rounds/rounds.service.js";

/** The signed-in reader and the product named in the path (404 when there is none). */
export async function loadProduct(c: AppContext): Promise<{ actor: Person; product: ProductDetail }> {
  const actor = requirePerson(c);
  authorize(canReadProducts(actor));
  const product = await findProductBySlug(c.var.deps.db, c.req.param("slug") ?? "");
  if (!product) throw notFound("The product");
  return { actor, product };
}

/** The product and the round named in the path, closed first if its deadline has passed. */
export async function loadRound(
  c: AppContext,
): Promise<{ actor: Person; product: ProductDetail; round: RoundDetail }> {
  const { actor, product } = await loadProduct(c);
  const round = await currentRound(c.var.deps, product.id, idParam(c.req.param("round")));
  return { actor, product, round };
}

/** The private address of a product, a round, or a page under them. */
export const productPath = (slug: string, rest = "") => `/private/products/${slug}${rest}`;
export const roundPath = (slug: string, round: number, rest = "") =>
  productPath(slug, `/rounds/${round}${rest}`);
