import { z } from "@hono/zod-openapi";
import { assessmentStatuses } from "../../../db/schema/index.js";
import type { Assessment } from "./assessments.queries.js";

/** A gap assessment report in the API. */
export const AssessmentBody = z
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

/** A gap assessment for the API. */
export const assessmentValues = (a: Assessment): z.infer<typeof AssessmentBody> => ({
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
