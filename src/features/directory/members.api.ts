import { createRoute, z } from "@hono/zod-openapi";
import { body, changeOf, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import type { Api } from "../../http/openapi.js";
import { Member, memberJson } from "./directory.presenter.js";
import { findOrganisationBySlug, listOrganisations } from "./directory.queries.js";
import { organisationInput } from "./directory.schemas.js";
import { createOrganisation, updateOrganisation } from "./organisations.service.js";

const MemberWrite = parsedByUseCase(organisationInput, "MemberWrite");
const MemberChange = parsedByUseCase(changeOf(organisationInput), "MemberChange");

const slugParam = z.object({
  slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "esa" }),
});

/** Registers the member organisation endpoints. */
export function registerMembersApi(api: Api) {
  const tags = ["Directory"];
  api.openapi(
    createRoute({
      method: "get",
      path: "/members",
      tags,
      summary: "List member organisations",
      responses: { 200: json(z.object({ data: z.array(Member) }), "Members") },
    }),
    async (c) => c.json({ data: (await listOrganisations(c.var.deps.db)).map(memberJson) }, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/members/{slug}",
      tags,
      summary: "One member organisation",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: Member }), "The member"), 404: errors[404] },
    }),
    async (c) => {
      const org = await findOrganisationBySlug(c.var.deps.db, c.req.valid("param").slug);
      if (!org) throw new AppError("not_found", "No member with this slug.");
      return c.json({ data: memberJson(org) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/members",
      tags,
      summary: "Add a member organisation",
      description: "Secretariat only.",
      security: [{ session: [] }],
      request: body(MemberWrite),
      responses: { 201: json(z.object({ data: Member }), "Created"), ...errors },
    }),
    async (c) => {
      const org = await createOrganisation(c.var.deps, c.var.actor, c.req.valid("json"));
      return c.json({ data: memberJson(org) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/members/{slug}",
      tags,
      summary: "Change a member organisation",
      description: "Secretariat only. Fields left out keep their value.",
      security: [{ session: [] }],
      request: { params: slugParam, ...body(MemberChange) },
      responses: { 200: json(z.object({ data: Member }), "Updated"), ...errors },
    }),
    async (c) => {
      const current = await findOrganisationBySlug(c.var.deps.db, c.req.valid("param").slug);
      if (!current) throw new AppError("not_found", "No member with this slug.");
      const merged = { ...nullsToUndefined(memberJson(current)), ...c.req.valid("json") };
      return c.json(
        { data: memberJson(await updateOrganisation(c.var.deps, c.var.actor, current.slug, merged)) },
        200,
      );
    },
  );
}

const nullsToUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
