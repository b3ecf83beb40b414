import { agencyView, technologyView } from "../../../domain/gap-analysis.js";
import type { AppContext } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { pageParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { findOrganisationByAcronym } from "../../directory/directory.queries.js";
import { hasDemoData } from "../records/records.queries.js";
import { parseDataset } from "../technology.schemas.js";
import { gapAnalysisFor } from "./gaps.service.js";
import { AgencyGaps } from "./views/agency-gaps.js";
import { GapOverview } from "./views/gap-overview.js";
import { TechnologyGaps } from "./views/technology-gaps.js";

const PER_PAGE = 50;

/** Parse → load → authorize (inside gapAnalysisFor) for every analysis page. */
async function loadFor(c: AppContext) {
  const actor = requirePerson(c);
  const dataset = parseDataset(c.req.query("dataset"));
  const [analysis, hasDemo] = await Promise.all([
    gapAnalysisFor(c.var.deps, actor, dataset),
    hasDemoData(c.var.deps.db),
  ]);
  return { analysis, dataset, hasDemo };
}

async function gapOverview(c: AppContext) {
  const { analysis, dataset, hasDemo } = await loadFor(c);
  const page = pageParam(c.req.query("page"));
  const pages = Math.max(1, Math.ceil(analysis.ranking.length / PER_PAGE));
  const shown = analysis.ranking.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  return renderPrivate(c, {
    title: "Technology gaps",
    body: () => <GapOverview {...{ analysis, dataset, hasDemo, shown, page, pages }} />,
  });
}

async function technologyGaps(c: AppContext) {
  const { analysis, dataset, hasDemo } = await loadFor(c);
  const t = technologyView(analysis, c.req.param("code") ?? "");
  if (!t) throw notFound("This technology");
  return renderPrivate(c, {
    title: `${t.technology.code} gaps`,
    body: () => <TechnologyGaps {...{ t, analysis, dataset, hasDemo }} path={c.req.path} />,
  });
}

async function agencyGaps(c: AppContext) {
  const { analysis, dataset, hasDemo } = await loadFor(c);
  const org = await findOrganisationByAcronym(c.var.deps.db, c.req.param("acronym") ?? "");
  if (!org) throw notFound("This agency");
  const acronym = org.acronym;
  const a = agencyView(analysis, acronym);
  return renderPrivate(c, {
    title: `${acronym}: technology`,
    body: () => <AgencyGaps {...{ acronym, a, analysis, dataset, hasDemo }} path={c.req.path} />,
  });
}

/** The private gap analysis: overall ranking, orphans, collaborations; per technology and per agency. */
export const analysisPages = pageGroup([
  ["GET", "/private/technology/gaps", gapOverview],
  ["GET", "/private/technology/gaps/technologies/:code", technologyGaps],
  ["GET", "/private/technology/gaps/agencies/:acronym", agencyGaps],
]);
