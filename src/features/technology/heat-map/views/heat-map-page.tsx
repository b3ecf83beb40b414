import { raw } from "hono/html";
import type { HeatMapModel } from "../../../../domain/heat-map.js";
import { heatMapSvg } from "../../../../web/charts/heat-map.js";
import { EmptyState, PageHeader } from "../../../../web/components.js";
import { gapLinks, HeatMapTable } from "../../gaps/views/gap-tables.js";
import type { DatasetKind, listAreas } from "../../technology.queries.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../../views/gap-dataset.js";

type Area = Awaited<ReturnType<typeof listAreas>>[number];

/** Where the heat map has nothing to draw, say why. */
export function HeatMapEmpty({ model }: { model: HeatMapModel }) {
  if (model.rows.length === 0) return <EmptyState title="No technology in this part of the list." />;
  return <EmptyState title="No agency has recorded a capability in this dataset yet." />;
}

/** The private heat map: the dataset and area choices, the chart with its downloads, its table. */
export function HeatMapPage(p: {
  dataset: DatasetKind;
  area: string | undefined;
  model: HeatMapModel;
  areas: Area[];
  hasDemo: boolean;
}) {
  const { dataset, area, model } = p;
  const q = datasetQuery(dataset, { area });
  const links = gapLinks(dataset);
  return (
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
        hasDemo={p.hasDemo}
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
            {p.areas.map((a) => (
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
            <a href={`/private/technology/gaps/heatmap.csv${q}`}>CSV</a>. The same figures as a table follow.
          </figcaption>
        </figure>
      )}
      {model.agencies.length ? <HeatMapTable model={model} caption="TRL by technology and agency" /> : null}
    </>
  );
}
