import { createRoute, z } from "@hono/zod-openapi";
import { body, changeOf, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import type { AppContext } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { apiPerson } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { findGroupBySlug } from "../groups/groups.queries.js";
import { Deliverable, deliverableJson, Outlook, outlookJson } from "./workplan.presenter.js";
import { listDeliverables, listOutlooks } from "./workplan.queries.js";
import { deliverableInput, outlookInput } from "./workplan.schemas.js";
import { createDeliverable, saveOutlook, updateDeliverable } from "./workplan.service.js";

const DeliverableWrite = parsedByUseCase(deliverableInput, "DeliverableWrite");
const DeliverableChange = parsedByUseCase(changeOf(deliverableInput), "DeliverableChange");
const OutlookWrite = parsedByUseCase(outlookInput.pick({ body: true }), "OutlookWrite");
const slugParam = z.object({
  slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "swg" }),
});

async function groupOf(c: AppContext, slug: string) {
  const g = await findGroupBySlug(c.var.deps.db, slug);
  if (!g) throw new AppError("not_found", "No group with this slug.");
  return g;
}

/** Registers a group's workplan and outlook endpoints: public reads, writes for its chair and the secretariat. */
export function registerWorkplanApi(api: Api) {
  const tags = ["Groups"];
  const security = [{ session: [] }];

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/{slug}/workplan",
      tags,
      summary: "A group's workplan deliverables and yearly outlooks",
      request: { params: slugParam },
      responses: {
        200: json(
          z.object({ data: z.object({ deliverables: z.array(Deliverable), outlooks: z.array(Outlook) }) }),
          "Workplan",
        ),
        404: errors[404],
      },
    }),
    async (c) => {
      const g = await groupOf(c, c.req.valid("param").slug);
      const [rows, outlooks] = await Promise.all([
        listDeliverables(c.var.deps.db, g.id),
        listOutlooks(c.var.deps.db, g.id),
      ]);
      return c.json(
        {
          data: {
            deliverables: rows.map(deliverableJson),
            outlooks: outlooks.map(outlookJson),
          },
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/{slug}/workplan",
      tags,
      security,
      summary: "Add a deliverable",
      description: "The group's chair or the secretariat.",
      request: { params: slugParam, ...body(DeliverableWrite) },
      responses: { 201: json(z.object({ data: Deliverable }), "Added"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const g = await groupOf(c, c.req.valid("param").slug);
      const row = await createDeliverable(c.var.deps, actor, g.slug, c.req.valid("json"));
      const d = (await listDeliverables(c.var.deps.db, g.id)).find((x) => x.id === row.id)!;
      return c.json({ data: deliverableJson(d) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/groups/{slug}/workplan/{id}",
      tags,
      security,
      summary: "Change a deliverable",
      description: "The group's chair or the secretariat. Fields left out keep their value.",
      request: {
        params: slugParam.extend({
          id: z
            .string()
            .regex(/^\d{1,9}$/)
            .openapi({ param: { name: "id", in: "path" } }),
        }),
        ...body(DeliverableChange),
      },
      responses: { 200: json(z.object({ data: Deliverable }), "Updated"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const { slug, id } = c.req.valid("param");
      const g = await groupOf(c, slug);
      const current = (await listDeliverables(c.var.deps.db, g.id)).find((x) => x.id === Number(id));
      if (!current) throw new AppError("not_found", "No such deliverable in this group.");
      const { id: _, ...values } = deliverableJson(current);
      await updateDeliverable(c.var.deps, actor, g.slug, current.id, { ...values, ...c.req.valid("json") });
      const d = (await listDeliverables(c.var.deps.db, g.id)).find((x) => x.id === current.id)!;
      return c.json({ data: deliverableJson(d) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/groups/{slug}/outlooks/{year}",
      tags,
      security,
      summary: "Write a group's outlook for a year",
      request: {
        params: slugParam.extend({
          year: z.string().openapi({ param: { name: "year", in: "path" }, example: "2031" }),
        }),
        ...body(OutlookWrite),
      },
      responses: { 200: json(z.object({ data: Outlook }), "Saved"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const { slug, year } = c.req.valid("param");
      const g = await groupOf(c, slug);
      const row = await saveOutlook(c.var.deps, actor, g.slug, { year, body: c.req.valid("json").body });
      return c.json({ data: outlookJson(row) }, 200);
    },
  );
}
