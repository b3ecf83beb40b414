import { Hono } from "hono";
import { raw } from "hono/html";
import { buildHeatMap, type HeatMapModel } from "../../../domain/heat-map.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { heatMapSvg } from "../../../web/charts/heat-map.js";
import { renderPng } from "../../../web/charts/png.js";
import { EmptyState, PageHeader } from "../../../web/components.js";
import { gapAnalysisFor } from "../gaps/gaps.service.js";
import { gapLinks, HeatMapTable } from "../gaps/views/gap-tables.js";
import { hasDemoData } from "../records/records.queries.js";
import { listAreas } from "../technology.queries.js";
import { parseDataset } from "../technology.schemas.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../views/gap-dataset.js";
import { heatMapCsv, svgDocument } from "./heat-map.export.js";

/** Sends an export with a file name; `inline` so that browsers show SVG and PNG. */
export const download = (c: AppContext, body: string | Uint8Array, type: string, name: string) =>
  c.body(body as string, 200, { "Content-Type": type, "Content-Disposition": `inline; filename="${name}"` });

const areaOf = (c: AppContext) => {
  const area = c.req.query("area")?.toUpperCase();
  return area && /^[A-Z][A-Z0-9]{1,9}$/.test(area) ? area : undefined;
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

/** Where the heat map has nothing to draw, say why. */
export function HeatMapEmpty({ model }: { model: HeatMapModel }) {
  if (model.rows.length === 0) return <EmptyState title="No technology in this part of the list." />;
  return <EmptyState title="No agency has recorded a capability in this dataset yet." />;
}

/** The private heat map (every TRL and gap) with its SVG, PNG and CSV exports. */
export function heatMapPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/technology/gaps/heatmap.svg", async (c) => {
    const m = await modelFor(c);
    return download(c, svgDocument(heatMapSvg(m.model)), "image/svg+xml; charset=utf-8", fileName(m, "svg"));
  });
  app.get("/private/technology/gaps/heatmap.png", async (c) => {
    const m = await modelFor(c);
    const png = await renderPng(c.var.deps, () => heatMapSvg(m.model), c.req.raw.signal);
    return download(c, png, "image/png", fileName(m, "png"));
  });
  app.get("/private/technology/gaps/heatmap.csv", async (c) => {
    const m = await modelFor(c);
    return download(c, heatMapCsv(m.model), "text/csv; charset=utf-8", fileName(m, "csv"));
  });

  app.get("/private/technology/gaps/heatmap", async (c) => {
    const { dataset, area, model } = await modelFor(c);
    const [areas, hasDemo] = await Promise.all([listAreas(c.var.deps.db), hasDemoData(c.var.deps.db)]);
    const q = datasetQuery(dataset, { area });
    const links = gapLinks(dataset);
    return renderPrivate(c, {
      title: "Technology heat map",
      body: () => (
        <>
          <p class="breadcrumb">
            <a href={`/private/technology/gaps${datasetQuery(dataset)}`}>Technology gaps</a> › Heat map
          </p>
          <PageHeader
            title="Technology heat map"
            lead="Each agency's current TRL per technology (and its target, after the arrow); a triangle marks technologies where no agency is projected to reach a need in time."
          />
          <DatasetSwitch
            dataset={dataset}
            hasDemo={hasDemo}
            path="/private/technology/gaps/heatmap"
            extra={{ area }}
          />
          <DemoNotice dataset={dataset} />
          <form
            method="get"
            action="/private/technology/gaps/heatmap"
            class="filters"
            aria-label="Choose an area"
          >
            {dataset === "demo" ? <input type="hidden" name="dataset" value="demo" /> : null}
            <label>
              Area
              <select name="area">
                <option value="">All areas</option>
                {areas.map((a) => (
                  <option value={a.code} selected={a.code === area}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="button">
              Show
            </button>
          </form>
          {model.rows.length === 0 || model.agencies.length === 0 ? (
            <HeatMapEmpty model={model} />
          ) : (
            <figure class="chart-figure">
              <section class="chart-scroll heat-map-scroll" tabindex={0} aria-label="Heat map (scrolls)">
                {raw(heatMapSvg(model, { idPrefix: "private-heat-map", href: links.technology }))}
              </section>
              <figcaption>
                Download as <a href={`/private/technology/gaps/heatmap.svg${q}`}>SVG</a>,{" "}
                <a href={`/private/technology/gaps/heatmap.png${q}`}>PNG</a> or{" "}
                <a href={`/private/technology/gaps/heatmap.csv${q}`}>CSV</a>. The same figures as a table
                follow.
              </figcaption>
            </figure>
          )}
          {model.agencies.length ? (
            <HeatMapTable model={model} caption="TRL by technology and agency" />
          ) : null}
        </>
      ),
    });
  });

  return app;
}
