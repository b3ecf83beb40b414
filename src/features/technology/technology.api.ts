import { createRoute, z } from "@hono/zod-openapi";
import { errors, json } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import type { Api } from "../../http/openapi.js";
import { registerTechnologyImportApi } from "./import/import.api.js";
import { registerRecordsApi } from "./records/records.api.js";
import { Area, areaJson, TechnologyBody, technologyJson } from "./technology.presenter.js";
import { findTechnologyByCode, listAreas, listTechnologies } from "./technology.queries.js";

const codeParam = z.object({
  code: z.string().openapi({ param: { name: "code", in: "path" }, example: "GER-019" }),
});

/** Registers the Critical Technology List (public), capabilities and needs (members) endpoints. */
export function registerTechnologyApi(api: Api) {
  const tags = ["Technology"];
  api.openapi(
    createRoute({
      method: "get",
      path: "/technology-areas",
      tags,
      summary: "Areas of the Critical Technology List",
      responses: { 200: json(z.object({ data: z.array(Area) }), "Areas in their order") },
    }),
    async (c) => {
      const areas = await listAreas(c.var.deps.db);
      return c.json({ data: areas.map(areaJson) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/technologies",
      tags,
      summary: "The Critical Technology List",
      description: "Public: codes, areas, titles, destinations. Agencies' TRLs are under /capabilities.",
      responses: { 200: json(z.object({ data: z.array(TechnologyBody) }), "Technologies by code") },
    }),
    async (c) => c.json({ data: (await listTechnologies(c.var.deps.db)).map(technologyJson) }, 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/technologies/{code}",
      tags,
      summary: "One technology",
      request: { params: codeParam },
      responses: { 200: json(z.object({ data: TechnologyBody }), "The technology"), 404: errors[404] },
    }),
    async (c) => {
      const t = await findTechnologyByCode(c.var.deps.db, c.req.valid("param").code);
      if (!t) throw new AppError("not_found", "No technology with this code.");
      return c.json({ data: technologyJson(t) }, 200);
    },
  );
  registerRecordsApi(api);
  registerTechnologyImportApi(api);
}
