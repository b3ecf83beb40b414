import { createRoute, z } from "@hono/zod-openapi";
import { errors, json, parsedByUseCase } from "../../../http/api-schemas.js";
import { notFound } from "../../../http/errors.js";
import { apiPerson } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { decisionInput } from "../meeting-work.schemas.js";
import { meeting, param, security, slugParam, tags } from "../shared.api.js";
import { DecisionSchema, decisionJson } from "./decisions.presenter.js";
import { listDecisions } from "./decisions.queries.js";
import { createDecision, updateDecision } from "./decisions.service.js";

/** Registers the members-only decision endpoints of a meeting. */
export function registerDecisionRoutes(api: Api) {
  const write = parsedByUseCase(decisionInput, "DecisionWrite");
  const one = json(z.object({ data: DecisionSchema }), "The decision");
  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{slug}/decisions",
      tags,
      security,
      summary: "A meeting's decisions in number order (members only)",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: z.array(DecisionSchema) }), "Decisions"), ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      return c.json({ data: (await listDecisions(c.var.deps, m.id)).map(decisionJson) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{slug}/decisions",
      tags,
      security,
      summary: "Record a decision under the next number (secretariat, or the group's chair)",
      request: {
        params: slugParam,
        body: { content: { "application/json": { schema: write } }, required: true },
      },
      responses: { 201: one, ...errors },
    }),
    async (c) => {
      const d = await createDecision(
        c.var.deps,
        apiPerson(c),
        c.req.valid("param").slug,
        c.req.valid("json"),
      );
      return c.json({ data: decisionJson(d) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{slug}/decisions/{number}",
      tags,
      security,
      summary: "Change a decision's text; its number stays",
      request: {
        params: z.object({ slug: param("slug"), number: param("number") }),
        body: { content: { "application/json": { schema: write } }, required: true },
      },
      responses: { 200: one, ...errors },
    }),
    async (c) => {
      const { slug, number } = c.req.valid("param");
      const n = Number(number);
      if (!Number.isInteger(n) || n <= 0) throw notFound("The decision");
      const d = await updateDecision(c.var.deps, apiPerson(c), slug, n, c.req.valid("json"));
      return c.json({ data: decisionJson(d) }, 200);
    },
  );
}
