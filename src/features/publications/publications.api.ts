import { createRoute, z } from "@hono/zod-openapi";
import { publicationCategories } from "../../db/schema/index.js";
import { body, changeOf, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { pageParam } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { PublicationJson, publicationJson } from "./publications.presenter.js";
import { findPublication, listPublications, publicationChoices } from "./publications.queries.js";
import { publicationFields, publicationInput } from "./publications.schemas.js";
import { createPublication, updatePublication } from "./publications.service.js";

const PublicationWrite = parsedByUseCase(publicationInput, "PublicationWrite");
const PublicationChange = parsedByUseCase(changeOf(publicationFields), "PublicationChange");

const slugParam = z.object({
  slug: z
    .string()
    .openapi({ param: { name: "slug", in: "path" }, example: "global-exploration-roadmap-2018" }),
});

const slugMap = async (db: Parameters<typeof publicationChoices>[0]) =>
  new Map((await publicationChoices(db)).map((x) => [x.id, x.slug]));

/** Registers the publications endpoints (files are uploaded through the private area's form). */
export function registerPublicationsApi(api: Api) {
  const tags = ["Publications"];
  api.openapi(
    createRoute({
      method: "get",
      path: "/publications",
      tags,
      summary: "List publications, newest first",
      request: {
        query: z.object({
          category: z.enum(publicationCategories).optional(),
          year: z
            .string()
            .regex(/^\d{4}$/)
            .optional(),
          page: z.string().optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ data: z.array(PublicationJson), page: z.number(), total: z.number() }),
          "Publications",
        ),
        422: errors[422],
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const page = pageParam(q.page);
      const db = c.var.deps.db;
      const { rows, total } = await listPublications(
        db,
        { category: q.category, year: q.year ? Number(q.year) : undefined },
        page,
        100,
      );
      const slugs = await slugMap(db);
      return c.json({ data: rows.map((p) => publicationJson(p, slugs)), page, total }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/publications/{slug}",
      tags,
      summary: "One publication",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: PublicationJson }), "The publication"), 404: errors[404] },
    }),
    async (c) => {
      const p = await findPublication(c.var.deps.db, c.req.valid("param").slug);
      if (!p) throw new AppError("not_found", "No publication with this slug.");
      return c.json({ data: publicationJson(p, await slugMap(c.var.deps.db)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/publications",
      tags,
      summary: "Add a publication (with a link or no file)",
      description: "Secretariat only. PDF files are uploaded in the private area.",
      security: [{ session: [] }],
      request: body(PublicationWrite),
      responses: { 201: json(z.object({ data: PublicationJson }), "Created"), ...errors },
    }),
    async (c) => {
      const p = await createPublication(c.var.deps, c.var.actor, c.req.valid("json"));
      return c.json({ data: publicationJson(p, await slugMap(c.var.deps.db)) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/publications/{slug}",
      tags,
      summary: "Change a publication",
      description: "Secretariat only. Fields left out keep their value; the file is kept.",
      security: [{ session: [] }],
      request: { params: slugParam, ...body(PublicationChange) },
      responses: { 200: json(z.object({ data: PublicationJson }), "Updated"), ...errors },
    }),
    async (c) => {
      const db = c.var.deps.db;
      const current = await findPublication(db, c.req.valid("param").slug);
      if (!current) throw new AppError("not_found", "No publication with this slug.");
      const slugs = await slugMap(db);
      const { file: _file, ...now } = publicationJson(current, slugs);
      const merged = { ...now, ...c.req.valid("json") };
      const updated = await updatePublication(c.var.deps, c.var.actor, current.slug, merged);
      return c.json({ data: publicationJson(updated, await slugMap(db)) }, 200);
    },
  );
}
