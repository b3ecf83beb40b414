import { createRoute, z } from "@hono/zod-openapi";
import { errors, json, parsedByUseCase } from "../../../http/api-schemas.js";
import { apiPerson } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { approvalInput, minutesInput } from "../meeting-work.schemas.js";
import { meeting, security, slugParam, tags } from "../shared.api.js";
import { MinutesSchema, minutesJson } from "./minutes.presenter.js";
import { listMinutes } from "./minutes.queries.js";
import { approveMinutes, createMinutesVersion } from "./minutes.service.js";

/** Registers the members-only minutes endpoints of a meeting. */
export function registerMinutesRoutes(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{slug}/minutes",
      tags,
      security,
      summary: "Every version of a meeting's minutes, newest first (members only)",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: z.array(MinutesSchema) }), "Versions"), ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      return c.json({ data: (await listMinutes(c.var.deps.db, m.id)).map(minutesJson) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{slug}/minutes",
      tags,
      security,
      summary: "Save the minutes as a new version (secretariat, or the group's chair)",
      request: {
        params: slugParam,
        body: {
          content: { "application/json": { schema: parsedByUseCase(minutesInput, "MinutesWrite") } },
          required: true,
        },
      },
      responses: { 201: json(z.object({ data: MinutesSchema }), "The new version"), ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      const v = await createMinutesVersion(c.var.deps, apiPerson(c), m.slug, c.req.valid("json"));
      const [saved] = (await listMinutes(c.var.deps.db, m.id)).filter((x) => x.id === v.id);
      return c.json({ data: minutesJson(saved!) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{slug}/minutes/approval",
      tags,
      security,
      summary: "Record that the latest version was approved at a later meeting",
      request: {
        params: slugParam,
        body: {
          content: {
            "application/json": {
              schema: parsedByUseCase(approvalInput, "MinutesApproval"),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(z.object({ data: MinutesSchema }), "The approved version"), ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      const { version } = await approveMinutes(c.var.deps, apiPerson(c), m.slug, c.req.valid("json"));
      const [v] = (await listMinutes(c.var.deps.db, m.id)).filter((x) => x.version === version);
      return c.json({ data: minutesJson(v!) }, 200);
    },
  );
}
