import { raw } from "hono/html";
import type { HeatMapModel } from "../../../../domain/heat-map.js";
import { heatMapSvg } from "../../../../web/charts/heat-map.js";
import { EmptyState, Tag } from "../../../../web/components.js";
import type { Assessment } from "../../assessments/assessments.queries.js";
import { assessmentPeriod, assessmentStatusLabels } from "../../assessments/assessments.schemas.js";
import { HeatMapTable } from "../../gaps/views/gap-tables.js";
import type { AreaRow, Technology } from "../../technology.queries.js";

/** The Critical Technology List by area, as the public reads it. */
export function TechnologyList({ areas, techs }: { areas: AreaRow[]; techs: Technology[] }) {
  if (techs.length === 0)
    return <EmptyState title="The Critical Technology List has not been published here yet." />;
  return (
    <section class="section" aria-labelledby="ctl-heading">
      <h2 id="ctl-heading">Critical Technology List</h2>
      <p class="muted small">
        The technologies the roadmap's missions depend on, by area, under stable codes.
      </p>
      {areas
        .filter((a) => techs.some((t) => t.areaId === a.id))
        .map((a) => (
          <>
            <h3>{a.name}</h3>
            <ul>
              {techs
                .filter((t) => t.areaId === a.id)
                .map((t) => (
                  <li id={t.code}>
                    <strong>{t.code}</strong> {t.title}
                    {t.description ? <span class="muted small"> — {t.description}</span> : null}
                  </li>
                ))}
            </ul>
          </>
        ))}
    </section>
  );
}

/** The gap assessments, each with its status and period. */
export function AssessmentList({ list }: { list: Assessment[] }) {
  return (
    <section class="section" aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">Gap assessments</h2>
      {list.length === 0 ? (
        <EmptyState title="No gap assessment yet." />
      ) : (
        <ul class="pub-list">
          {list.map((a) => (
            <li class="pub-item">
              <a href={`/technology/assessments/${a.slug}`}>{a.title}</a>{" "}
              <Tag tone={a.status === "published" ? "ok" : "accent"}>{assessmentStatusLabels[a.status]}</Tag>
              <span class="muted small"> {assessmentPeriod(a)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The heat map at the public level of detail, with its downloads and its table. */
export function PublicHeatMap({ model }: { model: HeatMapModel }) {
  const trl = model.detail === "trl";
  return (
    <section class="section" aria-labelledby="heat-heading">
      <h2 id="heat-heading">{trl ? "Technology readiness by agency" : "Who works on what"}</h2>
      {model.agencies.length === 0 ? (
        <EmptyState title="No agency has published its work on these technologies here yet." />
      ) : (
        <>
          <figure class="chart-figure">
            <section class="chart-scroll heat-map-scroll" tabindex={0} aria-label="Heat map (scrolls)">
              {raw(heatMapSvg(model, { idPrefix: "public-heat-map" }))}
            </section>
            <figcaption>
              Download as <a href="/technology/heatmap.svg">SVG</a>, <a href="/technology/heatmap.png">PNG</a>{" "}
              or <a href="/technology/heatmap.csv">CSV</a>.
            </figcaption>
          </figure>
          <HeatMapTable
            model={model}
            caption={trl ? "TRL by technology and agency" : "Agencies working on each technology"}
          />
        </>
      )}
    </section>
  );
}
