import { createRoute, z } from "@hono/zod-openapi";
import { assessmentStatuses } from "../../../db/schema/index.js";
import type { GapAnalysis, NeedAssessment } from "../../../domain/gap-analysis.js";
import { errorResponse, errors, json } from "../../../http/api-schemas.js";
import { notFound } from "../../../http/errors.js";
import { apiPerson } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { type Assessment, findAssessment, listAssessments } from "../assessments/assessments.queries.js";
import { parseDataset } from "../technology.schemas.js";
import { gapAnalysisFor } from "./gaps.service.js";

const Gap = z
  .object({
    technology: z.string().openapi({ example: "GER-019" }),
    need: z.string().openapi({ description: "the mission or architecture element", example: "Artemis III" }),
    missionSlug: z.string().nullable(),
    trlNeeded: z.number().int(),
    neededBy: z.string().openapi({ example: "2030-01-01" }),
    bestTrl: z.number().int().nullable().openapi({ description: "null when no agency works on it" }),
    bestAgencies: z.array(z.string()),
    shortfall: z.number().int(),
    daysLeft: z.number().int().openapi({ description: "negative once the need date has passed" }),
    severity: z.number().openapi({ description: "shortfall × 10 / (1 + years left)" }),
  })
  .openapi("TechnologyGap");
const GapReport = z
  .object({
    asOf: z.string(),
    dataset: z.enum(["real", "demo"]),
    totals: z.object({
      technologies: z.number().int(),
      needs: z.number().int(),
      gaps: z.number().int(),
      orphans: z.number().int(),
      collaborations: z.number().int(),
    }),
    ranking: z.array(Gap),
    orphans: z.array(z.object({ technology: z.string(), needCount: z.number().int() })),
    collaborations: z.array(
      z.object({ technology: z.string(), agencies: z.array(z.string()), hasGap: z.boolean() }),
    ),
  })
  .openapi("TechnologyGapReport");
const AssessmentBody = z
  .object({
    slug: z.string().openapi({ example: "nuclear-power-propulsion" }),
    title: z.string(),
    status: z.enum(assessmentStatuses),
    scope: z.string(),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    findings: z.string(),
    recommendations: z.string(),
    agencies: z.array(z.string()).openapi({ description: "member acronyms" }),
    technologies: z.array(z.string()).openapi({ description: "Critical Technology List codes" }),
    publication: z.string().nullable().openapi({ description: "slug of the publication holding the report" }),
    uncertain: z.boolean(),
    uncertainNote: z.string().nullable(),
    sources: z.array(z.string()),
  })
  .openapi("GapAssessment");

const gapValues = (g: NeedAssessment) => ({
  technology: g.technology.code,
  need: g.need.label,
  missionSlug: g.need.missionSlug ?? null,
  trlNeeded: g.need.trlNeeded,
  neededBy: g.need.neededBy,
  bestTrl: g.bestTrl,
  bestAgencies: g.bestAgencies,
  shortfall: g.shortfall,
  daysLeft: g.daysLeft,
  severity: g.severity,
});

const reportValues = (a: GapAnalysis, dataset: "real" | "demo") => ({
  asOf: a.asOf,
  dataset,
  totals: a.totals,
  ranking: a.ranking.map(gapValues),
  orphans: a.orphans.map((o) => ({ technology: o.technology.code, needCount: o.needCount })),
  collaborations: a.collaborations.map((c) => ({
    technology: c.technology.code,
    agencies: c.agencies,
    hasGap: c.hasGap,
  })),
});

const assessmentValues = (a: Assessment) => ({
  slug: a.slug,
  title: a.title,
  status: a.status,
  scope: a.scope,
  startedOn: a.startedOn,
  endedOn: a.endedOn,
  findings: a.findings,
  recommendations: a.recommendations,
  agencies: a.agencies.map((o) => o.acronym),
  technologies: a.technologies.map((t) => t.code),
  publication: a.publication?.slug ?? null,
  uncertain: a.uncertain,
  uncertainNote: a.uncertainNote,
  sources: a.sources,
});

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
