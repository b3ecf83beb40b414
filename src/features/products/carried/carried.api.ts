import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, errors, json } from "../../../http/api-schemas.js";
import { notFound } from "../../../http/errors.js";
import { idParam } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { loadProduct } from "../load.pages.js";
import { findVersion } from "../products.queries.js";
import { CarriedJson, carriedJson } from "./carried.presenter.js";
import { agenciesToReconfirm, carriedItems } from "./carried.queries.js";
import { confirmCarriedComment } from "./carried.service.js";

const tags = ["Products"];
const security = [{ session: [] }];
const p = (name: string, example: string) => z.string().openapi({ param: { name, in: "path" }, example });
const versionParams = z.object({ slug: p("slug", "lunar-surface-white-paper"), number: p("number", "2") });
const commentParams = versionParams.extend({ round: p("round", "1"), comment: p("comment", "2") });
/** The carried-comments page in the API: the list, who re-confirms, and the editors' confirmation. */
export function registerCarriedApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/products/{slug}/versions/{number}/carried",
      tags,
      security,
      summary: "Comments carried to a version, and the agencies asked to re-confirm",
      request: { params: versionParams },
      responses: {
        200: json(
          z.object({ data: z.array(CarriedJson), reconfirm: z.array(z.string()) }),
          "Each comment with its section before and after",
        ),
        ...errors,
      },
    }),
    async (c) => {
      const { product } = await loadProduct(c);
      const v = await findVersion(c.var.deps.db, product.id, idParam(c.req.param("number")));
      if (!v) throw notFound("The version");
      const items = await carriedItems(c.var.deps.db, product.id, v);
      return c.json(
        { data: items.map(carriedJson), reconfirm: [...agenciesToReconfirm(items).values()] },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "put",
      path: "/products/{slug}/versions/{number}/carried/rounds/{round}/comments/{comment}/confirmation",
      tags,
      security,
      summary: "Confirm where a moved, changed or orphaned comment landed (the editors)",
      request: { params: commentParams },
      responses: {
        204: { description: "Confirmed" },
        ...errors,
        409: errorResponse("Unchanged (nothing to confirm) or already confirmed"),
      },
    }),
    async (c) => {
      const { actor, product } = await loadProduct(c);
      await confirmCarriedComment(c.var.deps, actor, product, {
        version: idParam(c.req.param("number")),
        round: idParam(c.req.param("round")),
        comment: idParam(c.req.param("comment")),
      });
      return c.body(null, 204);
    },
  );
}
