import { raw } from "hono/html";
import { destinations, missionStatuses } from "../../../db/schema/index.js";
import { EmptyState, PageHeader } from "../../../web/components.js";
import type { listOrganisations } from "../../directory/directory.queries.js";
import type { Mission } from "../roadmap.queries.js";
import { destinationLabels, filterQuery, type MissionFilters, statusLabels } from "../roadmap.schemas.js";
import type { missionChart } from "./mission-chart.js";
import { Counts } from "./mission-counts.js";
import { MissionListChart } from "./mission-list-chart.js";
import { MissionTable } from "./mission-table.js";

/** The year of the earliest launch in the list (the current year's default when none is dated). */
const earliestLaunch = (list: Mission[]) =>
  Math.min(...list.flatMap((m) => (m.launchOn ? [Number(m.launchOn.slice(0, 4))] : [])), 9999);

/** The public roadmap: the filters, the chart with its downloads, the counts and the missions shown. */
export function RoadmapPage(p: {
  roadmap: string;
  f: MissionFilters;
  list: Mission[];
  orgs: Awaited<ReturnType<typeof listOrganisations>>;
  chart: ReturnType<typeof missionChart>;
}) {
  const { roadmap, f, list, orgs, chart } = p;
  const q = filterQuery(f);
  const filtered = q !== "";
  return (
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
            status, filled marks are crewed and outlined marks robotic. Select a mark for the mission's page.
            {f.from === undefined && chart.from > earliestLaunch(list) ? (
              <>
                {" "}
                The chart starts in {chart.from}; missions under way since earlier enter from the left edge
                with an arrow.{" "}
                <a href={`/roadmap${filterQuery({ ...f, from: earliestLaunch(list) })}`}>
                  Show every year from {earliestLaunch(list)}
                </a>
                .
              </>
            ) : null}
          </p>
          <figure class="chart-figure roadmap-chart">
            <section class="chart-scroll" tabindex={0} aria-label="Mission scenario chart (scrolls sideways)">
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
  );
}
