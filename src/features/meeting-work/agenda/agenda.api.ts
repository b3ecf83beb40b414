import { createRoute, z } from "@hono/zod-openapi";
import { changeOf, errors, json, parsedByUseCase } from "../../../http/api-schemas.js";
import { notFound } from "../../../http/errors.js";
import { apiPerson } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { agendaItemInput } from "../meeting-work.schemas.js";
import { meeting, param, security, slugParam, tags } from "../shared.api.js";
import { AgendaItemSchema, itemJson } from "./agenda.presenter.js";
import { findAgendaItem, listAgenda } from "./agenda.queries.js";
import { createAgendaItem, deleteAgendaItem, updateAgendaItem } from "./agenda.service.js";

/** Registers the members-only agenda endpoints of a meeting. */
export function registerAgendaRoutes(api: Api) {
  const write = parsedByUseCase(agendaItemInput, "AgendaItemWrite");
  const change = parsedByUseCase(changeOf(agendaItemInput), "AgendaItemChange");
  const one = json(z.object({ data: AgendaItemSchema }), "The agenda item");
  const itemParams = z.object({ slug: param("slug"), id: param("id") });
  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{slug}/agenda",
      tags,
      security,
      summary: "A meeting's agenda with presenters and files (members only)",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: z.array(AgendaItemSchema) }), "The agenda"), ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      return c.json({ data: (await listAgenda(c.var.deps.db, m.id)).map((i) => itemJson(m.slug, i)) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{slug}/agenda",
      tags,
      security,
      summary: "Add an agenda item at the end (secretariat, or the group's chair)",
      request: {
        params: slugParam,
        body: { content: { "application/json": { schema: write } }, required: true },
      },
      responses: { 201: one, ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      const row = await createAgendaItem(c.var.deps, apiPerson(c), m.slug, c.req.valid("json"));
      return c.json({ data: itemJson(m.slug, (await findAgendaItem(c.var.deps.db, m.id, row.id))!) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{slug}/agenda/{id}",
      tags,
      security,
      summary: "Change an agenda item; fields left out keep their value",
      request: {
        params: itemParams,
        body: { content: { "application/json": { schema: change } }, required: true },
      },
      responses: { 200: one, ...errors },
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const m = await meeting(c, slug);
      const current = await findAgendaItem(c.var.deps.db, m.id, Number(id));
      if (!current) throw notFound("The agenda item");
      const merged = {
        title: current.title,
        startTime: current.startTime,
        durationMinutes: current.durationMinutes,
        presenterAgency: current.presenterAgency,
        presenterPerson: current.presenterPersonId,
        notes: current.notes,
        ...c.req.valid("json"),
      };
      await updateAgendaItem(c.var.deps, apiPerson(c), m.slug, current.id, merged);
      return c.json(
        { data: itemJson(m.slug, (await findAgendaItem(c.var.deps.db, m.id, current.id))!) },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "delete",
      path: "/meetings/{slug}/agenda/{id}",
      tags,
      security,
      summary: "Remove an agenda item with its files",
      request: { params: itemParams },
      responses: { 200: json(z.object({ data: z.object({ deleted: z.boolean() }) }), "Removed"), ...errors },
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const m = await meeting(c, slug);
      const n = Number(id);
      if (!Number.isInteger(n) || n <= 0) throw notFound("The agenda item");
      await deleteAgendaItem(c.var.deps, apiPerson(c), m.slug, n);
      return c.json({ data: { deleted: true } }, 200);
    },
  );
}
