import { buildHeatMap } from "../../../domain/heat-map.js";
import type { AppContext } from "../../../http/env.js";
import { requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { heatMapSvg } from "../../../web/charts/heat-map.js";
import { renderPng } from "../../../web/charts/png.js";
import { gapAnalysisFor } from "../gaps/gaps.service.js";
import { hasDemoData } from "../records/records.queries.js";
import { listAreas } from "../technology.queries.js";
import { areaCodePattern, parseDataset } from "../technology.schemas.js";
import { heatMapCsv, svgDocument } from "./heat-map.export.js";
import { HeatMapPage } from "./views/heat-map-page.js";

/** Sends an export with a file name; `inline` so that browsers show SVG and PNG. */
export const download = (c: AppContext, body: string | Uint8Array, type: string, name: string) =>
  c.body(body as string, 200, { "Content-Type": type, "Content-Disposition": `inline; filename="${name}"` });

const areaOf = (c: AppContext) => {
  const area = c.req.query("area")?.toUpperCase();
  return area && areaCodePattern.test(area) ? area : undefined;
};

async function modelFor(c: AppContext) {
  const actor = requirePerson(c);
  const dataset = parseDataset(c.req.query("dataset"));
  const area = areaOf(c);
  const analysis = await gapAnalysisFor(c.var.deps, actor, dataset);
  return { dataset, area, model: buildHeatMap(analysis, { detail: "trl", areaCode: area }) };
}

const fileName = (m: { dataset: string; area?: string }, ext: string) =>
  `technology-heat-map${m.dataset === "demo" ? "-demo" : ""}${m.area ? `-${m.area.toLowerCase()}` : ""}.${ext}`;

async function heatMapSvgFile(c: AppContext) {
  const m = await modelFor(c);
  return download(c, svgDocument(heatMapSvg(m.model)), "image/svg+xml; charset=utf-8", fileName(m, "svg"));
}

async function heatMapPngFile(c: AppContext) {
  const m = await modelFor(c);
  const png = await renderPng(c.var.deps, () => heatMapSvg(m.model), c.req.raw.signal);
  return download(c, png, "image/png", fileName(m, "png"));
}

async function heatMapCsvFile(c: AppContext) {
  const m = await modelFor(c);
  return download(c, heatMapCsv(m.model), "text/csv; charset=utf-8", fileName(m, "csv"));
}

async function heatMap(c: AppContext) {
  const { dataset, area, model } = await modelFor(c);
  const [areas, hasDemo] = await Promise.all([listAreas(c.var.deps.db), hasDemoData(c.var.deps.db)]);
  return renderPrivate(c, {
    title: "Technology heat map",
    body: () => <HeatMapPage {...{ dataset, area, model, areas, hasDemo }} />,
  });
}

/** The private heat map (every TRL and gap) with its SVG, PNG and CSV exports. */
export const heatMapPages = pageGroup([
  ["GET", "/private/technology/gaps/heatmap.svg", heatMapSvgFile],
  ["GET", "/private/technology/gaps/heatmap.png", heatMapPngFile],
  ["GET", "/private/technology/gaps/heatmap.csv", heatMapCsvFile],
  ["GET", "/private/technology/gaps/heatmap", heatMap],
]);
