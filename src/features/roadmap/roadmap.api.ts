import { createRoute, z } from "@hono/zod-openapi";
import { body, changeOf, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { apiPerson } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { registerMissionImportApi } from "./import/mission-import.api.js";
import { MissionJson, missionValues } from "./roadmap.presenter.js";
import { findMissionBySlug, listMissions } from "./roadmap.queries.js";
import { missionFields, parseFilters } from "./roadmap.schemas.js";
import { createMission, updateMission } from "./roadmap.service.js";

const MissionWrite = parsedByUseCase(missionFields, "MissionWrite");
const MissionChange = parsedByUseCase(changeOf(missionFields), "MissionChange");

const slugParam = z.object({
  slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "artemis-3" }),
});
const filterQuery = z.object({
  agency: z.string().optional().openapi({ example: "ESA" }),
  role: z.string().optional().openapi({
    description: "lead: only missions the agency leads, not those it is a partner in",
    example: "lead",
  }),
  destination: z.string().optional().openapi({ example: "mars" }),
  status: z.string().optional().openapi({ example: "funded" }),
  from: z.string().optional().openapi({ example: "2020" }),
  to: z.string().optional().openapi({ example: "2035" }),
});

/** Registers the missions endpoints of the Global Exploration Roadmap. */
export function registerRoadmapApi(api: Api) {
  const tags = ["Roadmap"];
  registerMissionImportApi(api);
  api.openapi(
    createRoute({
      method: "get",
      path: "/missions",
      tags,
      summary: "List missions",
      description:
        "Filters as on the roadmap page: agency (lead or partner), destination, status, launch years.",
      request: { query: filterQuery },
      responses: { 200: json(z.object({ data: z.array(MissionJson) }), "Missions") },
    }),
    async (c) =>
      c.json(
        { data: (await listMissions(c.var.deps.db, parseFilters(c.req.valid("query")))).map(missionValues) },
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/missions/{slug}",
      tags,
      summary: "One mission",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: MissionJson }), "The mission"), 404: errors[404] },
    }),
    async (c) => {
      const m = await findMissionBySlug(c.var.deps.db, c.req.valid("param").slug);
      if (!m) throw new AppError("not_found", "No mission with this slug.");
      return c.json({ data: missionValues(m) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/missions",
      tags,
      summary: "Add a mission",
      description: "Focal points add missions led by their own agency; the secretariat adds any.",
      security: [{ session: [] }],
      request: body(MissionWrite),
      responses: { 201: json(z.object({ data: MissionJson }), "Created"), ...errors },
    }),
    async (c) => {
      const m = await createMission(c.var.deps, apiPerson(c), c.req.valid("json"));
      return c.json({ data: missionValues(m) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/missions/{slug}",
      tags,
      summary: "Change a mission",
      description:
        "The lead agency's focal points and the secretariat only. Fields left out keep their value.",
      security: [{ session: [] }],
      request: { params: slugParam, ...body(MissionChange) },
      responses: { 200: json(z.object({ data: MissionJson }), "Updated"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const current = await findMissionBySlug(c.var.deps.db, c.req.valid("param").slug);
      if (!current) throw new AppError("not_found", "No mission with this slug.");
      const merged = { ...missionValues(current), ...c.req.valid("json") };
      const m = await updateMission(c.var.deps, actor, current.slug, merged);
      return c.json({ data: missionValues(m) }, 200);
    },
  );
}
