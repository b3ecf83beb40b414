import { buildHeatMap, type HeatMapModel } from "../../../domain/heat-map.js";
import type { AppContext } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { renderPage } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { heatMapSvg } from "../../../web/charts/heat-map.js";
import { renderPng } from "../../../web/charts/png.js";
import { renderContentPage } from "../../pages/pages.pages.js";
import { findAssessment, listAssessments } from "../assessments/assessments.queries.js";
import type { PublicDetail } from "../assessments/assessments.schemas.js";
import { publicGapAnalysis } from "../gaps/gaps.service.js";
import { heatMapCsv, svgDocument } from "../heat-map/heat-map.export.js";
import { download } from "../heat-map/heat-map.pages.js";
import { listAreas, listTechnologies } from "../technology.queries.js";
import { readPublicDetail } from "./public-detail.service.js";
import { AssessmentList, PublicHeatMap, TechnologyList } from "./views/advanced-technology.js";
import { AssessmentPage } from "./views/assessment-page.js";

/**
 * The public heat map at the level the secretariat set, from the real records only; undefined at
 * the "list" level. The model is cut down before anything is drawn, so no export can show more.
 */
async function publicHeatMap(c: AppContext): Promise<{ level: PublicDetail; model?: HeatMapModel }> {
  const level = await readPublicDetail(c.var.deps);
  if (level === "list") return { level };
  const analysis = await publicGapAnalysis(c.var.deps);
  return { level, model: buildHeatMap(analysis, { detail: level === "trl" ? "trl" : "presence" }) };
}

async function heatMapOr404(c: AppContext): Promise<HeatMapModel> {
  const { model } = await publicHeatMap(c);
  if (!model) throw notFound("The public heat map");
  return model;
}

async function heatMapSvgFile(c: AppContext) {
  return download(
    c,
    svgDocument(heatMapSvg(await heatMapOr404(c))),
    "image/svg+xml; charset=utf-8",
    "technology-heat-map.svg",
  );
}

async function heatMapPngFile(c: AppContext) {
  const draw = async () => heatMapSvg(await heatMapOr404(c));
  const png = await renderPng(c.var.deps, draw, c.req.raw.signal);
  return download(c, png, "image/png", "technology-heat-map.png");
}

async function heatMapCsvFile(c: AppContext) {
  return download(c, heatMapCsv(await heatMapOr404(c)), "text/csv; charset=utf-8", "technology-heat-map.csv");
}

async function advancedTechnology(c: AppContext) {
  const db = c.var.deps.db;
  const [areas, techs, assessments, heat] = await Promise.all([
    listAreas(db),
    listTechnologies(db),
    listAssessments(db),
    publicHeatMap(c),
  ]);
  return renderContentPage(
    c,
    "technology",
    <>
      <TechnologyList areas={areas} techs={techs} />
      <AssessmentList list={assessments} />
      {heat.model ? <PublicHeatMap model={heat.model} /> : null}
    </>,
  );
}

async function assessmentPage(c: AppContext) {
  const a = await findAssessment(c.var.deps.db, c.req.param("slug") ?? "");
  if (!a) throw notFound("This assessment");
  return renderPage(c, {
    title: `${a.title} · Gap assessment`,
    description: a.scope.slice(0, 200) || `${a.title}, a technology gap assessment.`,
    body: () => <AssessmentPage a={a} />,
  });
}

/** Advanced Technology: the editable intro, the Critical Technology List, the assessments, the heat map. */
export const technologyPublicPages = pageGroup([
  ["GET", "/technology/heatmap.svg", heatMapSvgFile],
  ["GET", "/technology/heatmap.png", heatMapPngFile],
  ["GET", "/technology/heatmap.csv", heatMapCsvFile],
  ["GET", "/technology", advancedTechnology],
  ["GET", "/technology/assessments/:slug", assessmentPage],
]);
