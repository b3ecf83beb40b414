import { createRoute, z } from "@hono/zod-openapi";
import { datePrecisions, destinations, missionStatuses } from "../../db/schema/index.js";
import { body, changeOf, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { apiPerson } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { registerMissionImportApi } from "./import/mission-import.api.js";
import { findMissionBySlug, listMissions } from "./roadmap.queries.js";
import { missionFields, parseFilters } from "./roadmap.schemas.js";
import { createMission, missionValues, updateMission } from "./roadmap.service.js";

const fields = {
  name: z.string().openapi({ example: "Artemis III" }),
  lead: z
    .string()
    .nullable()
    .openapi({ description: "member acronym; null when a non-member leads", example: "NASA" }),
  leadOther: z.string().nullable().openapi({ description: "the non-member lead, when lead is null" }),
  partners: z.array(z.string()).openapi({ description: "member acronyms", example: ["ESA"] }),
  otherPartners: z.array(z.string()).openapi({ description: "non-member partners, free text" }),
  destination: z.enum(destinations),
  crewed: z.boolean(),
  launch: z.string().nullable().openapi({
    description: "written at its precision: 2027, 2027-Q3, 2027-05 or 2027-05-14",
    example: "2027",
  }),
  launchPrecision: z.enum(datePrecisions).nullable(),
  end: z.string().nullable(),
  endPrecision: z.enum(datePrecisions).nullable(),
  status: z.enum(missionStatuses),
  instruments: z.array(z.string()),
  objectives: z
    .array(z.string())
    .openapi({ description: "codes of the roadmap objectives served", example: ["G2.1"] }),
  studiesPolarVolatiles: z.boolean(),
  description: z.string().nullable(),
  sources: z.array(z.string()),
  uncertain: z.boolean(),
  uncertaintyNote: z.string().nullable(),
};
const Mission = z
  .object({ slug: z.string().openapi({ example: "artemis-3" }), ...fields })
  .openapi("Mission");
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
      responses: { 200: json(z.object({ data: z.array(Mission) }), "Missions") },
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
      responses: { 200: json(z.object({ data: Mission }), "The mission"), 404: errors[404] },
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
      responses: { 201: json(z.object({ data: Mission }), "Created"), ...errors },
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
      responses: { 200: json(z.object({ data: Mission }), "Updated"), ...errors },
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
