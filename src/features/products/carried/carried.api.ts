import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, errors, json } from "../../../http/api-schemas.js";
import { notFound } from "../../../http/errors.js";
import { idParam } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { loadProduct } from "../load.pages.js";
import { findVersion } from "../products.queries.js";
import { agenciesToReconfirm, type CarriedItem, carriedItems } from "./carried.queries.js";
import { carriedStatusLabels, confirmCarriedComment } from "./carried.service.js";

const tags = ["Products"];
const security = [{ session: [] }];
const p = (name: string, example: string) => z.string().openapi({ param: { name, in: "path" }, example });
const versionParams = z.object({ slug: p("slug", "lunar-surface-white-paper"), number: p("number", "2") });
const commentParams = versionParams.extend({ round: p("round", "1"), comment: p("comment", "2") });
const Section = z.object({ number: z.string(), title: z.string(), text: z.string() }).nullable();
const CarriedJson = z
  .object({
    round: z.number().int(),
    comment: z.number().int(),
    agency: z.string(),
    text: z.string(),
    status: z.enum(["unchanged", "moved", "text_changed", "orphaned"]),
    statusLabel: z.string().openapi({ example: "Text changed" }),
    disposition: z.string().nullable(),
    writtenOnVersion: z.number().int(),
    before: Section,
    after: Section,
    confirmedAt: z.string().nullable().openapi({ description: "when the editors confirmed it" }),
  })
  .openapi("CarriedComment");

const present = (i: CarriedItem) => ({
  round: i.round,
  comment: i.number,
  agency: i.agency,
  text: i.text,
  status: i.carried.status,
  statusLabel: carriedStatusLabels[i.carried.status],
  disposition: i.disposition,
  writtenOnVersion: i.writtenOnNumber,
  before: i.carried.before,
  after: i.carried.after,
  confirmedAt: i.confirmed?.at.toISOString() ?? null,
});

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
      return c.json({ data: items.map(present), reconfirm: [...agenciesToReconfirm(items).values()] }, 200);
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
