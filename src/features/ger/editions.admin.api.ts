import { createRoute, z } from "@hono/zod-openapi";
import { body, errorResponse, json, parsedByUseCase } from "../../http/api-schemas.js";
import { apiPerson } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { slugParam } from "./editions.api.js";
import { deleteEdition, freezeEdition, publishEdition } from "./editions.service.js";
import { EditionSchema, editionJson } from "./ger.presenter.js";
import { editionInput } from "./ger.schemas.js";

const EditionWrite = parsedByUseCase(editionInput, "EditionWrite");

const writeErrors = {
  401: errorResponse("Not signed in"),
  403: errorResponse("Not the secretariat"),
  404: errorResponse("Not found"),
  409: errorResponse("The edition is published and cannot change"),
  422: errorResponse("Invalid input; `fields` says which"),
};

/** Registers the secretariat's edition endpoints: freeze, publish and delete. */
export function registerEditionAdminApi(api: Api) {
  const tags = ["Roadmap"];
  api.openapi(
    createRoute({
      method: "post",
      path: "/editions",
      tags,
      summary: "Freeze the current plans as a draft edition",
      description: "The secretariat only.",
      security: [{ session: [] }],
      request: body(EditionWrite),
      responses: { 201: json(z.object({ data: EditionSchema }), "Frozen as a draft"), ...writeErrors },
    }),
    async (c) =>
      c.json({ data: editionJson(await freezeEdition(c.var.deps, apiPerson(c), c.req.valid("json"))) }, 201),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/editions/{slug}/publication",
      tags,
      summary: "Publish a draft edition",
      description: "The secretariat only; a published edition never changes again (409).",
      security: [{ session: [] }],
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: EditionSchema }), "Published"), ...writeErrors },
    }),
    async (c) =>
      c.json(
        {
          data: editionJson(await publishEdition(c.var.deps, apiPerson(c), c.req.valid("param").slug)),
        },
        200,
      ),
  );
  api.openapi(
    createRoute({
      method: "delete",
      path: "/editions/{slug}",
      tags,
      summary: "Delete a draft edition",
      description: "The secretariat only; published editions cannot be deleted (409).",
      security: [{ session: [] }],
      request: { params: slugParam },
      responses: { 200: json(z.object({ deleted: z.string() }), "Deleted"), ...writeErrors },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      await deleteEdition(c.var.deps, apiPerson(c), slug);
      return c.json({ deleted: slug }, 200);
    },
  );
}
