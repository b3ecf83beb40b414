import { Hono } from "hono";
import { raw } from "hono/html";
import { buildHeatMap, type HeatMapModel } from "../../../domain/heat-map.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { renderPage } from "../../../http/page.js";
import { heatMapSvg } from "../../../web/charts/heat-map.js";
import { renderPng } from "../../../web/charts/png.js";
import { EmptyState, Tag } from "../../../web/components.js";
import { renderMarkdown } from "../../../web/markdown.js";
import { renderContentPage } from "../../pages/pages.pages.js";
import { type Assessment, findAssessment, listAssessments } from "../assessments/assessments.queries.js";
import {
  assessmentPeriod,
  assessmentStatusLabels,
  type PublicDetail,
} from "../assessments/assessments.schemas.js";
import { publicGapAnalysis } from "../gaps/gaps.service.js";
import { HeatMapTable } from "../gaps/views/gap-tables.js";
import { heatMapCsv, svgDocument } from "../heat-map/heat-map.export.js";
import { download } from "../heat-map/heat-map.pages.js";
import { listAreas, listTechnologies, type Technology } from "../technology.queries.js";
import { readPublicDetail } from "./public-detail.service.js";

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

/** Advanced Technology: the editable intro, the Critical Technology List, the assessments, the heat map. */
export function technologyPublicPages() {
  const app = new Hono<AppEnv>();

  app.get("/technology/heatmap.svg", async (c) =>
    download(
      c,
      svgDocument(heatMapSvg(await heatMapOr404(c))),
      "image/svg+xml; charset=utf-8",
      "technology-heat-map.svg",
    ),
  );
  app.get("/technology/heatmap.png", async (c) => {
    const draw = async () => heatMapSvg(await heatMapOr404(c));
    const png = await renderPng(c.var.deps, draw, c.req.raw.signal);
    return download(c, png, "image/png", "technology-heat-map.png");
  });
  app.get("/technology/heatmap.csv", async (c) =>
    download(c, heatMapCsv(await heatMapOr404(c)), "text/csv; charset=utf-8", "technology-heat-map.csv"),
  );

  app.get("/technology", async (c) => {
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
  });

  app.get("/technology/assessments/:slug", async (c) => {
    const a = await findAssessment(c.var.deps.db, c.req.param("slug"));
    if (!a) throw notFound("This assessment");
    return renderPage(c, {
      title: `${a.title} · Gap assessment`,
      description: a.scope.slice(0, 200) || `${a.title}, a technology gap assessment.`,
      body: () => <AssessmentPage a={a} />,
    });
  });

  return app;
}

type Area = Awaited<ReturnType<typeof listAreas>>[number];

function TechnologyList({ areas, techs }: { areas: Area[]; techs: Technology[] }) {
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

const period = assessmentPeriod;

function AssessmentList({ list }: { list: Assessment[] }) {
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
              <span class="muted small"> {period(a)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PublicHeatMap({ model }: { model: HeatMapModel }) {
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

function AssessmentPage({ a }: { a: Assessment }) {
  const md = (s: string) => <div class="prose">{raw(renderMarkdown(s))}</div>;
  return (
    <div class="wrap member-page">
      <p class="breadcrumb">
        <a href="/technology">Advanced Technology</a> › Gap assessments
      </p>
      <h1>{a.title}</h1>
      <p class="tags">
        <Tag tone={a.status === "published" ? "ok" : "accent"}>{assessmentStatusLabels[a.status]}</Tag>
      </p>
      <dl class="details">
        <dt>Period</dt>
        <dd>{period(a)}</dd>
        <dt>Team</dt>
        <dd>
          {a.agencies.length
            ? a.agencies.map((o, k) => (
                <>
                  {k ? ", " : ""}
                  <a href={`/members/${o.slug}`}>{o.acronym}</a>
                </>
              ))
            : "Not listed"}
        </dd>
        <dt>Technologies</dt>
        <dd>
          {a.technologies.length
            ? a.technologies.map((t) => `${t.code} ${t.title}`).join("; ")
            : "None linked"}
        </dd>
        <dt>Report</dt>
        <dd>
          {a.publication ? (
            <a href={`/publications/${a.publication.slug}`}>{a.publication.title}</a>
          ) : (
            "Not published yet"
          )}
        </dd>
      </dl>
      {a.scope ? (
        <section class="section" aria-labelledby="scope-heading">
          <h2 id="scope-heading">Scope</h2>
          {md(a.scope)}
        </section>
      ) : null}
      {a.findings ? (
        <section class="section" aria-labelledby="findings-heading">
          <h2 id="findings-heading">Findings</h2>
          {md(a.findings)}
        </section>
      ) : null}
      {a.recommendations ? (
        <section class="section" aria-labelledby="recs-heading">
          <h2 id="recs-heading">Recommendations</h2>
          {md(a.recommendations)}
        </section>
      ) : null}
    </div>
  );
}
