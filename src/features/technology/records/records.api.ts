import { createRoute, z } from "@hono/zod-openapi";
import { body, changeOf, errors, json, parsedByUseCase } from "../../../http/api-schemas.js";
import type { AppContext } from "../../../http/env.js";
import { AppError } from "../../../http/errors.js";
import { apiPerson } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { findOrganisationByAcronym } from "../../directory/directory.queries.js";
import { canReadCapabilities, canReadNeeds } from "../technology.policy.js";
import { findTechnologyByCode } from "../technology.queries.js";
import { capabilityInput, needInput, parseDataset } from "../technology.schemas.js";
import {
  capabilityValues,
  createCapability,
  deleteCapability,
  updateCapability,
} from "./capabilities.service.js";
import { createNeed, deleteNeed, needValues, updateNeed } from "./needs.service.js";
import { Capability, capabilityJson, Need, needJson } from "./records.presenter.js";
import { findCapability, findNeed, listCapabilities, listNeeds } from "./records.queries.js";

/** Resolves `?agency=` to an organisation id (-1 when unknown, so nothing matches). */
export async function agencyFilter(c: AppContext, acronym: string | undefined) {
  if (!acronym) return undefined;
  return (await findOrganisationByAcronym(c.var.deps.db, acronym))?.id ?? -1;
}

const CapabilityWrite = parsedByUseCase(capabilityInput, "CapabilityWrite");
const CapabilityChange = parsedByUseCase(changeOf(capabilityInput), "CapabilityChange");

const NeedWrite = parsedByUseCase(needInput, "TechnologyNeedWrite");
const NeedChange = parsedByUseCase(changeOf(needInput), "TechnologyNeedChange");

const idParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});
const listQuery = z.object({
  dataset: z.enum(["real", "demo"]).optional().openapi({
    description: "real (default): agencies' records; demo: the labelled demonstration dataset",
  }),
  agency: z.string().optional().openapi({ example: "ESA" }),
  technology: z.string().optional().openapi({ example: "GER-019" }),
});
const demoNote = "Answers `demo: true` with the demonstration dataset: not agency figures.";

async function technologyFilter(db: Parameters<typeof findTechnologyByCode>[0], code: string | undefined) {
  if (!code) return undefined;
  return (await findTechnologyByCode(db, code))?.id ?? -1;
}

/** Registers capabilities (TRLs by agency) and technology needs: members read, policies decide writes. */
export function registerRecordsApi(api: Api) {
  const tags = ["Technology"];
  const security = [{ session: [] }];
  api.openapi(
    createRoute({
      method: "get",
      path: "/capabilities",
      tags,
      security,
      summary: "Agencies' capabilities (signed-in members only)",
      description: `Not public: TRLs are shared among members. ${demoNote}`,
      request: { query: listQuery },
      responses: {
        200: json(z.object({ demo: z.boolean(), data: z.array(Capability) }), "Capabilities"),
        401: errors[401],
      },
    }),
    async (c) => {
      const actor = apiPerson(c);
      if (!canReadCapabilities(actor)) throw new AppError("forbidden", "Not allowed.");
      const q = c.req.valid("query");
      const dataset = parseDataset(q.dataset);
      const { rows } = await listCapabilities(c.var.deps.db, {
        dataset,
        organisationId: await agencyFilter(c, q.agency),
        technologyId: await technologyFilter(c.var.deps.db, q.technology),
      });
      return c.json({ demo: dataset === "demo", data: rows.map(capabilityJson) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/capabilities",
      tags,
      security,
      summary: "Record a capability",
      description: "The agency's own focal points and the secretariat only; one per agency and technology.",
      request: body(CapabilityWrite),
      responses: { 201: json(z.object({ data: Capability }), "Created"), ...errors },
    }),
    async (c) => {
      const cap = await createCapability(c.var.deps, apiPerson(c), c.req.valid("json"));
      return c.json({ data: capabilityJson(cap) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/capabilities/{id}",
      tags,
      security,
      summary: "Change a capability",
      description:
        "The agency's own focal points and the secretariat only. Fields left out keep their value.",
      request: { params: idParam, ...body(CapabilityChange) },
      responses: { 200: json(z.object({ data: Capability }), "Updated"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const current = await findCapability(c.var.deps.db, c.req.valid("param").id);
      if (!current) throw new AppError("not_found", "No capability with this id.");
      const merged = { ...capabilityValues(current), ...c.req.valid("json") };
      const cap = await updateCapability(c.var.deps, actor, current.id, merged);
      return c.json({ data: capabilityJson(cap) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "delete",
      path: "/capabilities/{id}",
      tags,
      security,
      summary: "Delete a capability",
      request: { params: idParam },
      responses: { 204: { description: "Deleted" }, ...errors },
    }),
    async (c) => {
      await deleteCapability(c.var.deps, apiPerson(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/technology-needs",
      tags,
      security,
      summary: "Technology needs of missions and architecture elements (signed-in members only)",
      description: demoNote,
      request: { query: listQuery.omit({ agency: true }) },
      responses: {
        200: json(z.object({ demo: z.boolean(), data: z.array(Need) }), "Needs"),
        401: errors[401],
      },
    }),
    async (c) => {
      const actor = apiPerson(c);
      if (!canReadNeeds(actor)) throw new AppError("forbidden", "Not allowed.");
      const q = c.req.valid("query");
      const dataset = parseDataset(q.dataset);
      const { rows } = await listNeeds(c.var.deps.db, {
        dataset,
        technologyId: await technologyFilter(c.var.deps.db, q.technology),
      });
      return c.json({ demo: dataset === "demo", data: rows.map(needJson) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/technology-needs",
      tags,
      security,
      summary: "Record a need",
      description:
        "A mission's needs: its lead agency's focal points and the secretariat; an element's: chairs and the secretariat.",
      request: body(NeedWrite),
      responses: { 201: json(z.object({ data: Need }), "Created"), ...errors },
    }),
    async (c) => {
      const need = await createNeed(c.var.deps, apiPerson(c), c.req.valid("json"));
      return c.json({ data: needJson(need) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/technology-needs/{id}",
      tags,
      security,
      summary: "Change a need",
      description: "Same rule as recording one. Fields left out keep their value.",
      request: { params: idParam, ...body(NeedChange) },
      responses: { 200: json(z.object({ data: Need }), "Updated"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const current = await findNeed(c.var.deps.db, c.req.valid("param").id);
      if (!current) throw new AppError("not_found", "No need with this id.");
      const merged = { ...needValues(current), ...c.req.valid("json") };
      const need = await updateNeed(c.var.deps, actor, current.id, merged);
      return c.json({ data: needJson(need) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "delete",
      path: "/technology-needs/{id}",
      tags,
      security,
      summary: "Delete a need",
      request: { params: idParam },
      responses: { 204: { description: "Deleted" }, ...errors },
    }),
    async (c) => {
      await deleteNeed(c.var.deps, apiPerson(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
