import { createRoute, z } from "@hono/zod-openapi";
import { errors, json } from "../../http/api-schemas.js";
import { notFound } from "../../http/errors.js";
import type { Api } from "../../http/openapi.js";
import { canSeeDraftReport, canSeeReportStatistics } from "./reports.policy.js";
import { Report, reportJson } from "./reports.presenter.js";
import { findReport, listReports } from "./reports.queries.js";
import { reportYear } from "./reports.schemas.js";
import { reportForReader } from "./reports.service.js";

const yearParam = z.object({
  year: z.string().openapi({ param: { name: "year", in: "path" }, example: "2023" }),
});

/** `/api/v1/reports` and `/api/v1/reports/{year}`: published editions for all, drafts for their writers. */
export function registerReportsApi(api: Api) {
  const tags = ["Annual reports"];
  api.openapi(
    createRoute({
      method: "get",
      path: "/reports",
      tags,
      summary: "The annual reports: published ones, and drafts for the secretariat and chairs",
      responses: {
        200: json(z.object({ data: z.array(z.object({ year: z.number(), status: z.string() })) }), "Reports"),
      },
    }),
    async (c) => {
      const drafts = canSeeDraftReport(c.var.actor);
      const rows = (await listReports(c.var.deps.db)).filter((r) => drafts || r.status === "published");
      return c.json({ data: rows.map((r) => ({ year: r.year, status: r.status })) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/reports/{year}",
      tags,
      summary: "One year's annual report: texts and computed data",
      description:
        "The published edition as frozen; a draft only for the secretariat and group chairs (404 for others). `?draft=1` asks the writers for the current draft of a published report.",
      request: { params: yearParam, query: z.object({ draft: z.string().optional() }) },
      responses: { 200: json(z.object({ data: Report }), "The report"), 404: errors[404] },
    }),
    async (c) => {
      const parsed = reportYear.safeParse(c.req.valid("param").year);
      if (!parsed.success) throw notFound("This report");
      const deps = c.var.deps;
      const doc = await reportForReader(deps, c.var.actor, parsed.data, {
        draft: c.req.valid("query").draft === "1",
      });
      const report = await findReport(deps.db, parsed.data);
      const statistics = canSeeReportStatistics(c.var.actor, report?.settings.statisticsPublic ?? false);
      return c.json({ data: reportJson(doc, statistics, deps.config.baseUrl) }, 200);
    },
  );
}
