import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, errors, json } from "../../../http/api-schemas.js";
import { notFound } from "../../../http/errors.js";
import { apiPerson } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { AssessmentBody, assessmentValues } from "../assessments/assessments.presenter.js";
import { findAssessment, listAssessments } from "../assessments/assessments.queries.js";
import { parseDataset } from "../technology.schemas.js";
import { GapReport, reportValues } from "./gaps.presenter.js";
import { gapAnalysisFor } from "./gaps.service.js";

/** Registers the gap analysis (members) and the gap assessment reports (public) in the API. */
export function registerAnalysisApi(api: Api) {
  const tags = ["Technology"];
  api.openapi(
    createRoute({
      method: "get",
      path: "/technology-gaps",
      tags,
      summary: "The gap analysis as of today",
      description:
        "Every need no agency is projected to meet in time, most severe first; technologies nobody works on; technologies several agencies work on. `dataset=demo` reads the demonstration records instead of the real ones. Members of the forum only.",
      request: { query: z.object({ dataset: z.enum(["real", "demo"]).optional() }) },
      responses: { 200: json(GapReport, "The analysis"), 401: errors[401] },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const dataset = parseDataset(c.req.valid("query").dataset);
      return c.json(reportValues(await gapAnalysisFor(c.var.deps, actor, dataset), dataset), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/gap-assessments",
      tags,
      summary: "List gap assessment reports",
      responses: { 200: json(z.object({ data: z.array(AssessmentBody) }), "Assessments") },
    }),
    async (c) => c.json({ data: (await listAssessments(c.var.deps.db)).map(assessmentValues) }, 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/gap-assessments/{slug}",
      tags,
      summary: "One gap assessment report",
      request: {
        params: z.object({
          slug: z
            .string()
            .openapi({ param: { name: "slug", in: "path" }, example: "nuclear-power-propulsion" }),
        }),
      },
      responses: { 200: json(AssessmentBody, "The assessment"), 404: errorResponse("Not found") },
    }),
    async (c) => {
      const a = await findAssessment(c.var.deps.db, c.req.valid("param").slug);
      if (!a) throw notFound("This assessment");
      return c.json(assessmentValues(a), 200);
    },
  );
}
