import { createRoute, z } from "@hono/zod-openapi";
import { roles } from "../../db/schema/index.js";
import { body, changeOf, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { apiPerson, idParam, pageParam } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { canManageDirectory } from "./directory.policy.js";
import { Person, personJson } from "./directory.presenter.js";
import { findOrganisationByAcronym, findPerson, listPeople } from "./directory.queries.js";
import { personInput } from "./directory.schemas.js";
import { createPerson, updatePerson } from "./people.service.js";

const PersonWrite = parsedByUseCase(personInput, "PersonWrite");
const PersonChange = parsedByUseCase(changeOf(personInput), "PersonChange");

const idParamSchema = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "1" }),
});
/** Query of the paged lists: page number and filters. */
export const pageQuery = z.object({
  page: z.string().optional(),
  agency: z.string().optional(),
  role: z.string().optional(),
});

/** Registers the people endpoints. */
export function registerPeopleApi(api: Api) {
  const tags = ["Directory"];

  api.openapi(
    createRoute({
      method: "get",
      path: "/people",
      tags,
      summary: "List people",
      description:
        "For signed-in readers only: names, organisations, roles and e-mail addresses of active people. Visitors see people only where a public page publishes them (chairs, the secretariat).",
      request: { query: pageQuery },
      responses: {
        200: json(z.object({ data: z.array(Person), page: z.number(), total: z.number() }), "People"),
        401: errors[401],
      },
    }),
    async (c) => {
      apiPerson(c);
      const q = c.req.valid("query");
      const org = q.agency ? await findOrganisationByAcronym(c.var.deps.db, q.agency) : undefined;
      if (q.agency && !org) throw new AppError("not_found", `No member organisation ${q.agency}.`);
      const page = pageParam(q.page);
      const role = roles.find((r) => r === q.role);
      const { rows, total } = await listPeople(
        c.var.deps.db,
        { organisationId: org?.id, role, includeInactive: canManageDirectory(c.var.actor) },
        page,
        100,
      );
      return c.json({ data: rows.map((r) => personJson(c.var.actor, r)), page, total }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/people/{id}",
      tags,
      summary: "One person",
      description: "For signed-in readers only.",
      request: { params: idParamSchema },
      responses: { 200: json(z.object({ data: Person }), "The person"), 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      apiPerson(c);
      const found = await findPerson(c.var.deps.db, idParam(c.req.valid("param").id));
      if (!found || (!found.person.active && !canManageDirectory(c.var.actor)))
        throw new AppError("not_found", "No such person.");
      return c.json({ data: personJson(c.var.actor, found) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/people",
      tags,
      summary: "Add a person",
      description: "Secretariat only.",
      security: [{ session: [] }],
      request: body(PersonWrite),
      responses: { 201: json(z.object({ data: Person }), "Created"), ...errors },
    }),
    async (c) => {
      const row = await createPerson(c.var.deps, c.var.actor, c.req.valid("json"));
      return c.json({ data: personJson(c.var.actor, (await findPerson(c.var.deps.db, row.id))!) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/people/{id}",
      tags,
      summary: "Change a person",
      description: "Secretariat only. Fields left out keep their value.",
      security: [{ session: [] }],
      request: { params: idParamSchema, ...body(PersonChange) },
      responses: { 200: json(z.object({ data: Person }), "Updated"), ...errors },
    }),
    async (c) => {
      const id = idParam(c.req.valid("param").id);
      const found = await findPerson(c.var.deps.db, id);
      if (!found) throw new AppError("not_found", "No such person.");
      const p = found.person;
      const current = {
        name: p.name,
        email: p.email,
        organisation: found.acronym ?? undefined,
        jobTitle: p.jobTitle ?? undefined,
        roles: p.roles,
        active: p.active,
      };
      await updatePerson(c.var.deps, c.var.actor, id, { ...current, ...c.req.valid("json") });
      return c.json({ data: personJson(c.var.actor, (await findPerson(c.var.deps.db, id))!) }, 200);
    },
  );
}
