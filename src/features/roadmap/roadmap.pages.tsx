import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { renderPng } from "../../web/charts/png.js";
import { loadForum, roadmapName } from "../../web/forum.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { chartCsv, missionsCsv } from "./roadmap.export.js";
import { missionValues, withoutProvenance } from "./roadmap.presenter.js";
import { findMissionBySlug, listMissionRevisions, listMissions } from "./roadmap.queries.js";
import { destinationLabels, type MissionFilters, parseFilters, statusLabels } from "./roadmap.schemas.js";
import { missionChart } from "./views/mission-chart.js";
import { MissionDetails } from "./views/mission-details.js";
import { RoadmapPage } from "./views/roadmap-page.js";

const filtersOf = (c: AppContext) => parseFilters(c.req.query());
const load = (c: AppContext, f: MissionFilters) => listMissions(c.var.deps.db, f);
/** The chart's default window starts a few years before this one. */
const thisYear = (c: AppContext) => c.var.deps.now().getUTCFullYear();

const download = (c: AppContext, body: string | Uint8Array, type: string, name: string) =>
  c.body(body as string, 200, {
    "Content-Type": type,
    "Content-Disposition": `inline; filename="${name}"`,
  });

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

async function chartSvg(c: AppContext) {
  const f = filtersOf(c);
  const caption = await exportCaption(c, f);
  const { svg } = missionChart(await load(c, f), { ...f, currentYear: thisYear(c), caption });
  return download(
    c,
    `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`,
    "image/svg+xml; charset=utf-8",
    "mission-chart.svg",
  );
}

async function chartPng(c: AppContext) {
  const f = filtersOf(c);
  const caption = await exportCaption(c, f);
  const png = await renderPng(
    c.var.deps,
    async () => missionChart(await load(c, f), { ...f, currentYear: thisYear(c), caption }).svg,
    c.req.raw.signal,
  );
  return download(c, png, "image/png", "mission-chart.png");
}

const chartCsvDownload = async (c: AppContext) =>
  download(c, chartCsv(await load(c, filtersOf(c))), "text/csv; charset=utf-8", "mission-chart.csv");

const missionsCsvDownload = async (c: AppContext) =>
  download(
    c,
    missionsCsv(await load(c, filtersOf(c)), c.var.deps.config.baseUrl, c.var.actor.kind === "person"),
    "text/csv; charset=utf-8",
    "missions.csv",
  );

const missionsJson = async (c: AppContext) =>
  c.json({
    data: (await load(c, filtersOf(c))).map((m) =>
      c.var.actor.kind === "person" ? missionValues(m) : withoutProvenance(missionValues(m)),
    ),
  });

async function roadmapPage(c: AppContext) {
  const f = filtersOf(c);
  const [list, orgs] = await Promise.all([load(c, f), listOrganisations(c.var.deps.db)]);
  const chart = missionChart(list, { ...f, currentYear: thisYear(c), idPrefix: "roadmap-chart" });
  const roadmap = roadmapName(await loadForum(c.var.deps));
  return renderPage(c, {
    title: roadmap,
    description: `The mission scenario of the ${roadmap}, compiled from member agencies' plans.`,
    body: () => <RoadmapPage roadmap={roadmap} f={f} list={list} orgs={orgs} chart={chart} />,
  });
}

async function missionPage(c: AppContext) {
  const m = await findMissionBySlug(c.var.deps.db, c.req.param("slug") ?? "");
  if (!m) throw notFound("This mission");
  const revisions = await listMissionRevisions(c.var.deps.db, m.id, 1, 10);
  const roadmap = roadmapName(await loadForum(c.var.deps));
  return renderPage(c, {
    title: `${m.name} · ${roadmap}`,
    description: m.description ?? `${m.name}, a mission in the ${roadmap}.`,
    body: () => <MissionDetails m={m} revisions={revisions} />,
  });
}

/** The public roadmap: the chart, the missions, their pages and exports. */
export const roadmapPages = pageGroup([
  ["GET", "/roadmap/chart.svg", chartSvg],
  ["GET", "/roadmap/chart.png", chartPng],
  ["GET", "/roadmap/chart.csv", chartCsvDownload],
  ["GET", "/roadmap/missions.csv", missionsCsvDownload],
  ["GET", "/roadmap/missions.json", missionsJson],
  ["GET", "/roadmap", roadmapPage],
  ["GET", "/roadmap/missions/:slug", missionPage],
]);
