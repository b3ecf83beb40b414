import { Hono } from "hono";
import { raw } from "hono/html";
import { destinations, missionStatuses } from "../../db/schema/index.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/page.js";
import { renderPng } from "../../web/charts/png.js";
import { EmptyState, PageHeader } from "../../web/components.js";
import { loadForum, roadmapName } from "../../web/forum.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { chartCsv, missionsCsv } from "./roadmap.export.js";
import { missionValues, withoutProvenance } from "./roadmap.presenter.js";
import { findMissionBySlug, listMissionRevisions, listMissions, type Mission } from "./roadmap.queries.js";
import {
  destinationLabels,
  filterQuery,
  type MissionFilters,
  parseFilters,
  statusLabels,
} from "./roadmap.schemas.js";
import { missionChart } from "./views/mission-chart.js";
import { Counts } from "./views/mission-counts.js";
import { MissionDetails } from "./views/mission-details.js";
import { MissionListChart } from "./views/mission-list-chart.js";
import { MissionTable } from "./views/mission-table.js";

const filtersOf = (c: AppContext) => parseFilters(c.req.query());
const load = (c: AppContext, f: MissionFilters) => listMissions(c.var.deps.db, f);
/** The chart's default window starts a few years before this one. */
const thisYear = (c: AppContext) => c.var.deps.now().getUTCFullYear();

const download = (c: AppContext, body: string | Uint8Array, type: string, name: string) =>
  c.body(body as string, 200, {
    "Content-Type": type,
    "Content-Disposition": `inline; filename="${name}"`,
  });

/** The year of the earliest launch in the list (the current year's default when none is dated). */
const earliestLaunch = (list: Mission[]) =>
  Math.min(...list.flatMap((m) => (m.launchOn ? [Number(m.launchOn.slice(0, 4))] : [])), 9999);

/**
 * What an exported chart says about itself, so it can go on a slide: whose chart, which filters,
 * the day it was made and the address it came from.
 */
async function exportCaption(c: AppContext, f: MissionFilters): Promise<string[]> {
  const forum = await loadForum(c.var.deps);
  const shown = [
    f.agency ? `${f.role === "lead" ? "led by" : "agency"} ${f.agency}` : "all agencies",
    f.destination ? destinationLabels[f.destination] : "all destinations",
    f.status ? statusLabels[f.status] : "any status",
    f.from || f.to ? `${f.from ?? "…"} to ${f.to ?? "…"}` : null,
  ].filter(Boolean);
  const query = new URL(c.req.url).search;
  return [
    `${forum.name}: mission scenario chart (${shown.join(", ")}).`,
    `Made ${c.var.deps.now().toISOString().slice(0, 10)} from the agencies' plans at ${c.var.deps.config.baseUrl}/roadmap${query}`,
  ];
}

/** The public roadmap: the chart, the missions, their pages and exports. */
export function roadmapPages() {
  const app = new Hono<AppEnv>();

  app.get("/roadmap/chart.svg", async (c) => {
    const f = filtersOf(c);
    const caption = await exportCaption(c, f);
    const { svg } = missionChart(await load(c, f), { ...f, currentYear: thisYear(c), caption });
    return download(
      c,
      `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`,
      "image/svg+xml; charset=utf-8",
      "mission-chart.svg",
    );
  });
  app.get("/roadmap/chart.png", async (c) => {
    const f = filtersOf(c);
    const caption = await exportCaption(c, f);
    const png = await renderPng(
      c.var.deps,
      async () => missionChart(await load(c, f), { ...f, currentYear: thisYear(c), caption }).svg,
      c.req.raw.signal,
    );
    return download(c, png, "image/png", "mission-chart.png");
  });
  app.get("/roadmap/chart.csv", async (c) =>
    download(c, chartCsv(await load(c, filtersOf(c))), "text/csv; charset=utf-8", "mission-chart.csv"),
  );
  app.get("/roadmap/missions.csv", async (c) =>
    download(
      c,
      missionsCsv(await load(c, filtersOf(c)), c.var.deps.config.baseUrl, c.var.actor.kind === "person"),
      "text/csv; charset=utf-8",
      "missions.csv",
    ),
  );
  app.get("/roadmap/missions.json", async (c) =>
    c.json({
      data: (await load(c, filtersOf(c))).map((m) =>
        c.var.actor.kind === "person" ? missionValues(m) : withoutProvenance(missionValues(m)),
      ),
    }),
  );

  app.get("/roadmap", async (c) => {
    const f = filtersOf(c);
    const [list, orgs] = await Promise.all([load(c, f), listOrganisations(c.var.deps.db)]);
    const chart = missionChart(list, { ...f, currentYear: thisYear(c), idPrefix: "roadmap-chart" });
    const q = filterQuery(f);
    const filtered = q !== "";
    const roadmap = roadmapName(await loadForum(c.var.deps));
    return renderPage(c, {
      title: roadmap,
      description: `The mission scenario of the ${roadmap}, compiled from member agencies' plans.`,
      body: () => (
        <div class="wrap">
          <PageHeader
            eyebrow="Roadmap"
            title={roadmap}
            lead="The mission scenario compiled from the member agencies' plans: robotic and crewed missions to low Earth orbit, the Moon, Mars and small bodies, as each lead agency reports them."
          />
          <p class="roadmap-links">
            <a href="/roadmap/framework">Framework: goals and objectives</a> ·{" "}
            <a href="/roadmap/editions">Editions</a> ·{" "}
            <a href="/roadmap/changes">What changed since the last edition</a>
          </p>
          <form method="get" action="/roadmap" class="filters" aria-label="Filter missions">
            <label>
              Agency
              <select name="agency">
                <option value="">All agencies</option>
                {orgs.map((o) => (
                  <option value={o.acronym} selected={f.agency?.toLowerCase() === o.acronym.toLowerCase()}>
                    {o.acronym}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Its part
              <select name="role">
                <option value="">Lead or partner</option>
                <option value="lead" selected={f.role === "lead"}>
                  Lead only
                </option>
              </select>
            </label>
            <label>
              Destination
              <select name="destination">
                <option value="">All destinations</option>
                {destinations.map((d) => (
                  <option value={d} selected={f.destination === d}>
                    {destinationLabels[d]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Status
              <select name="status">
                <option value="">Any status</option>
                {missionStatuses.map((s) => (
                  <option value={s} selected={f.status === s}>
                    {statusLabels[s]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              From year
              <input name="from" inputmode="numeric" value={f.from ?? ""} size={6} />
            </label>
            <label>
              To year
              <input name="to" inputmode="numeric" value={f.to ?? ""} size={6} />
            </label>
            <button type="submit" class="button">
              Show
            </button>
            {filtered ? <a href="/roadmap">Clear filters</a> : null}
          </form>
          <p role="status">
            {list.length} mission{list.length === 1 ? "" : "s"}
            {filtered ? " match these filters" : " in the roadmap"}; {chart.drawn} drawn on the chart.
          </p>
          {list.length === 0 ? (
            <EmptyState title="No mission matches these filters.">
              <a href="/roadmap">Show all missions</a>
            </EmptyState>
          ) : (
            <section aria-labelledby="chart-heading" class="section">
              <h2 id="chart-heading">Mission scenario chart</h2>
              <p class="muted small">
                Lanes by destination; each mark is a mission placed at its launch. Shapes and colours tell the
                status, filled marks are crewed and outlined marks robotic. Select a mark for the mission's
                page.
                {f.from === undefined && chart.from > earliestLaunch(list) ? (
                  <>
                    {" "}
                    The chart starts in {chart.from}; missions under way since earlier enter from the left
                    edge with an arrow.{" "}
                    <a href={`/roadmap${filterQuery({ ...f, from: earliestLaunch(list) })}`}>
                      Show every year from {earliestLaunch(list)}
                    </a>
                    .
                  </>
                ) : null}
              </p>
              <figure class="chart-figure roadmap-chart">
                <section
                  class="chart-scroll"
                  tabindex={0}
                  aria-label="Mission scenario chart (scrolls sideways)"
                >
                  {raw(chart.svg)}
                </section>
                <MissionListChart missions={list.filter((m) => !chart.notDrawn.includes(m))} />
                <figcaption>
                  Download this chart as <a href={`/roadmap/chart.svg${q}`}>SVG</a>,{" "}
                  <a href={`/roadmap/chart.png${q}`}>PNG</a> or <a href={`/roadmap/chart.csv${q}`}>CSV</a>
                  {"; the missions as "} <a href={`/roadmap/missions.csv${q}`}>CSV</a> or{" "}
                  <a href={`/roadmap/missions.json${q}`}>JSON</a>.
                  {chart.notDrawn.length
                    ? ` Not drawn (no announced launch date, or over before the years shown): ${chart.notDrawn.map((m) => m.name).join(", ")}.`
                    : ""}
                </figcaption>
              </figure>
            </section>
          )}
          {list.length ? <Counts missions={list} /> : null}
          {list.length ? (
            <section aria-labelledby="missions-heading" class="section">
              <h2 id="missions-heading">The missions shown</h2>
              <MissionTable missions={list} caption="Missions shown on the chart, by launch date" />
            </section>
          ) : null}
        </div>
      ),
    });
  });

  app.get("/roadmap/missions/:slug", async (c) => {
    const m = await findMissionBySlug(c.var.deps.db, c.req.param("slug"));
    if (!m) throw notFound("This mission");
    const revisions = await listMissionRevisions(c.var.deps.db, m.id, 1, 10);
    const roadmap = roadmapName(await loadForum(c.var.deps));
    return renderPage(c, {
      title: `${m.name} · ${roadmap}`,
      description: m.description ?? `${m.name}, a mission in the ${roadmap}.`,
      body: () => <MissionDetails m={m} revisions={revisions} />,
    });
  });

  return app;
}
