import { createRoute, z } from "@hono/zod-openapi";
import { body, changeOf, errorResponse, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import type { AppContext } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { apiPerson, idParam, pageParam } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { registerCarriedApi } from "./carried/carried.api.js";
import { loadProduct } from "./load.pages.js";
import { ProductJson, productJson, VersionJson, versionJson } from "./products.presenter.js";
import { findProductBySlug, findVersion, listProducts, listVersions } from "./products.queries.js";
import { productInput, versionInput } from "./products.schemas.js";
import { createProduct, createVersion, updateProduct } from "./products.service.js";
import { registerRoundChangesApi } from "./round-changes/round-changes.api.js";
import { registerRoundsApi } from "./rounds/rounds.api.js";

const slugParam = z.object({
  slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "lunar-surface-white-paper" }),
});
const versionParams = slugParam.extend({
  number: z.string().openapi({ param: { name: "number", in: "path" }, example: "1" }),
});
const ProductWrite = parsedByUseCase(productInput, "ProductWrite");
const ProductChange = parsedByUseCase(changeOf(productInput), "ProductChange");
const VersionWrite = parsedByUseCase(versionInput, "ProductVersionWrite");
const security = [{ session: [] }];
const tags = ["Products"];

const productData = async (c: AppContext, slug: string) => {
  const p = await findProductBySlug(c.var.deps.db, slug);
  return productJson(p!);
};

/** Registers the consensus products API: products, versions, and (through rounds.api) reviews. */
export function registerProductsApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/products",
      tags,
      security,
      summary: "List products",
      description: "Signed-in members only; 25 per page, the most recently changed first.",
      request: { query: z.object({ page: z.string().optional() }) },
      responses: {
        200: json(z.object({ data: z.array(ProductJson), total: z.number() }), "Products"),
        401: errors[401],
      },
    }),
    async (c) => {
      apiPerson(c);
      const list = await listProducts(c.var.deps.db, pageParam(c.req.valid("query").page));
      const data = await Promise.all(list.items.map((p) => productData(c, p.slug)));
      return c.json({ data, total: list.total }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/products",
      tags,
      security,
      summary: "Start a product",
      description: "The secretariat, or a chair for a group they chair.",
      request: body(ProductWrite),
      responses: { 201: json(z.object({ data: ProductJson }), "Created"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const { slug } = await createProduct(c.var.deps, actor, c.req.valid("json"));
      return c.json({ data: await productData(c, slug) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/products/{slug}",
      tags,
      security,
      summary: "One product with its versions",
      request: { params: slugParam },
      responses: {
        200: json(
          z.object({
            data: ProductJson.extend({
              versions: z.array(z.object({ number: z.number(), note: z.string(), createdAt: z.string() })),
            }),
          }),
          "The product",
        ),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const { product } = await loadProduct(c);
      const versions = (await listVersions(c.var.deps.db, product.id)).map((v) => ({
        number: v.number,
        note: v.note,
        createdAt: v.createdAt.toISOString(),
      }));
      return c.json({ data: { ...productJson(product), versions } }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/products/{slug}",
      tags,
      security,
      summary: "Change a product",
      description: "Its editors only. Fields left out keep their value.",
      request: { params: slugParam, ...body(ProductChange) },
      responses: { 200: json(z.object({ data: ProductJson }), "Updated"), ...errors },
    }),
    async (c) => {
      const { actor, product } = await loadProduct(c);
      const merged = {
        title: product.title,
        slug: product.slug,
        kind: product.kind,
        leadGroup: product.leadGroup?.slug ?? "",
        agencies: product.agencies.map((a) => a.acronym),
        ...c.req.valid("json"),
      };
      const { slug } = await updateProduct(c.var.deps, actor, product.slug, merged);
      return c.json({ data: await productData(c, slug) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/products/{slug}/versions/{number}",
      tags,
      security,
      summary: "One version with its numbered sections",
      request: { params: versionParams },
      responses: {
        200: json(z.object({ data: VersionJson }), "The version"),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const { product } = await loadProduct(c);
      const v = await findVersion(c.var.deps.db, product.id, idParam(c.req.valid("param").number));
      if (!v) throw new AppError("not_found", "No such version.");
      return c.json({ data: versionJson(v) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/versions",
      tags,
      security,
      summary: "Add a version",
      description: "Its editors only, while drafting. Open comments follow to the matching sections.",
      request: { params: slugParam, ...body(VersionWrite) },
      responses: {
        201: json(z.object({ data: VersionJson }), "Created"),
        ...errors,
        409: errorResponse("The product is endorsed"),
      },
    }),
    async (c) => {
      const { actor, product } = await loadProduct(c);
      return c.json(
        { data: versionJson(await createVersion(c.var.deps, actor, product.slug, c.req.valid("json"))) },
        201,
      );
    },
  );

  registerRoundsApi(api);
  registerRoundChangesApi(api);
  registerCarriedApi(api);
}
