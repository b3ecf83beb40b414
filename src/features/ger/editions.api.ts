import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, json } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import type { Api } from "../../http/openapi.js";
import { compareSides, loadSide } from "./editions.service.js";
import { Comparison, comparisonJson, EditionMission, EditionSchema, editionJson } from "./ger.presenter.js";
import { listEditions } from "./ger.queries.js";

/** The path parameter naming an edition. */
export const slugParam = z.object({
  slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "ger-2024" }),
});

/** Registers the editions' read endpoints: the list, a comparison, one edition and its missions. */
export function registerEditionsApi(api: Api) {
  const tags = ["Roadmap"];
  api.openapi(
    createRoute({
      method: "get",
      path: "/editions",
      tags,
      summary: "Published editions (the secretariat also sees drafts)",
      responses: { 200: json(z.object({ data: z.array(EditionSchema) }), "Editions") },
    }),
    async (c) => {
      const all = c.var.actor.kind === "person" && c.var.actor.roles.includes("secretariat");
      return c.json(
        { data: (await listEditions(c.var.deps.db, { publishedOnly: !all })).map(editionJson) },
        200,
      );
    },
  );
  // Registered before /editions/{slug} so that "compare" is not taken for a slug.
  api.openapi(
    createRoute({
      method: "get",
      path: "/editions/compare",
      tags,
      summary: "Compare two editions, or an edition and the current plans (`current`)",
      request: {
        query: z.object({
          from: z.string().openapi({ example: "ger-2024" }),
          to: z.string().optional().openapi({ example: "current" }),
        }),
      },
      responses: {
        200: json(z.object({ data: Comparison }), "The differences"),
        404: errorResponse("No such edition"),
        409: errorResponse("An edition has no mission snapshot"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const [from, to] = await Promise.all([
        loadSide(c.var.deps.db, c.var.actor, q.from),
        loadSide(c.var.deps.db, c.var.actor, q.to ?? "current"),
      ]);
      const { diff, missing } = compareSides(from, to);
      if (!diff)
        throw new AppError(
          "conflict",
          `No mission snapshot recorded for ${missing.map((s) => s.label).join(" or ")}.`,
        );
      return c.json(
        {
          data: comparisonJson(q.from, q.to ?? "current", diff),
        },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/editions/{slug}",
      tags,
      summary: "One edition",
      request: { params: slugParam },
      responses: {
        200: json(z.object({ data: EditionSchema }), "The edition"),
        404: errorResponse("Not found"),
      },
    }),
    async (c) => {
      const side = await loadSide(c.var.deps.db, c.var.actor, c.req.valid("param").slug);
      if (side.kind !== "edition") throw new AppError("not_found", "No edition with this slug.");
      return c.json({ data: editionJson(side.edition) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/editions/{slug}/missions",
      tags,
      summary: "The missions an edition froze",
      request: { params: slugParam },
      responses: {
        200: json(
          z.object({ data: z.array(EditionMission), snapshotRecorded: z.boolean() }),
          "The missions (empty when no snapshot was recorded)",
        ),
        404: errorResponse("Not found"),
      },
    }),
    async (c) => {
      const side = await loadSide(c.var.deps.db, c.var.actor, c.req.valid("param").slug);
      if (side.kind !== "edition") throw new AppError("not_found", "No edition with this slug.");
      return c.json({ data: side.missions ?? [], snapshotRecorded: side.missions !== null }, 200);
    },
  );
}
