import { z } from "@hono/zod-openapi";
import type { GapAnalysis, NeedAssessment } from "../../../domain/gap-analysis.js";

/** A need no agency is projected to meet in time, in the API. */
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
/** The gap analysis in the API. */
export const GapReport = z
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

const gapValues = (g: NeedAssessment): z.infer<typeof Gap> => ({
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

/** The gap analysis for the API, on the `dataset` it was computed from. */
export const reportValues = (a: GapAnalysis, dataset: "real" | "demo"): z.infer<typeof GapReport> => ({
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
