import { Hono } from "hono";
import type { GapAnalysis } from "../../../domain/gap-analysis.js";
import { agencyView, technologyView } from "../../../domain/gap-analysis.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { pageParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { EmptyState, PageHeader, Pagination, TableScroll, Tag } from "../../../web/components.js";
import { findOrganisationByAcronym } from "../../directory/directory.queries.js";
import { hasDemoData } from "../records/records.queries.js";
import { parseDataset } from "../technology.schemas.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../views/gap-dataset.js";
import { gapAnalysisFor } from "./gaps.service.js";
import { CollaborationTable, gapLinks, OrphanList, RankingTable } from "./views/gap-tables.js";

const PER_PAGE = 50;

/** The other agencies on a technology, in words. */
const others = (all: string[], self: string) => all.filter((a) => a !== self).join(", ") || "nobody else";

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

function Facts({ analysis }: { analysis: GapAnalysis }) {
  const t = analysis.totals;
  return (
    <dl class="facts">
      <div>
        <dt>Technologies</dt>
        <dd>{t.technologies}</dd>
      </div>
      <div>
        <dt>Needs</dt>
        <dd>{t.needs}</dd>
      </div>
      <div>
        <dt>Needs with a gap</dt>
        <dd>{t.gaps}</dd>
      </div>
      <div>
        <dt>Nobody working on</dt>
        <dd>{t.orphans}</dd>
      </div>
    </dl>
  );
}

/** The private gap analysis: overall ranking, orphans, collaborations; per technology and per agency. */
export function analysisPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/technology/gaps", async (c) => {
    const { analysis, dataset, hasDemo } = await loadFor(c);
    const page = pageParam(c.req.query("page"));
    const pages = Math.max(1, Math.ceil(analysis.ranking.length / PER_PAGE));
    const shown = analysis.ranking.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    const links = gapLinks(dataset);
    return renderPrivate(c, {
      title: "Technology gaps",
      body: () => (
        <>
          <PageHeader
            title="Technology gaps"
            lead={`For every need, the best TRL any agency is projected to have by the need date, as of ${analysis.asOf}.`}
          />
          <DatasetSwitch dataset={dataset} hasDemo={hasDemo} path="/private/technology/gaps" />
          <DemoNotice dataset={dataset} />
          <p>
            <a href={`/private/technology/gaps/heatmap${datasetQuery(dataset)}`}>
              Heat map: technology × agency
            </a>
          </p>
          <Facts analysis={analysis} />
          <section class="section" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">Gaps by severity</h2>
            <p class="muted small">
              An agency keeps its current TRL until its target date and has its target TRL from then on (no
              partial levels in between); a target date already past counts as not reached. Severity is the
              shortfall × 10 ÷ (1 + years left): one level short today weighs as much as two levels short in a
              year.
            </p>
            <RankingTable
              gaps={shown}
              dataset={dataset}
              caption="Needs no agency meets in time, most severe first"
            />
            <Pagination
              page={page}
              pages={pages}
              href={(n) => `/private/technology/gaps${datasetQuery(dataset, { page: String(n) })}`}
            />
          </section>
          <section class="section" aria-labelledby="orphans-heading">
            <h2 id="orphans-heading">Technologies nobody works on</h2>
            <OrphanList analysis={analysis} dataset={dataset} />
          </section>
          <section class="section" aria-labelledby="collab-heading">
            <h2 id="collab-heading">Collaboration opportunities</h2>
            <CollaborationTable list={analysis.collaborations} dataset={dataset} />
          </section>
          <section class="section" aria-labelledby="agencies-heading">
            <h2 id="agencies-heading">By agency</h2>
            {analysis.agencies.length ? (
              <ul class="member-chips">
                {analysis.agencies.map((a) => (
                  <li>
                    <a href={links.agency(a.acronym)}>{a.acronym}</a> ({a.capabilities.length})
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState title="No agency has recorded a capability in this dataset yet." />
            )}
          </section>
        </>
      ),
    });
  });

  app.get("/private/technology/gaps/technologies/:code", async (c) => {
    const { analysis, dataset, hasDemo } = await loadFor(c);
    const t = technologyView(analysis, c.req.param("code"));
    if (!t) throw notFound("This technology");
    const links = gapLinks(dataset);
    return renderPrivate(c, {
      title: `${t.technology.code} gaps`,
      body: () => (
        <>
          <p class="breadcrumb">
            <a href={`/private/technology/gaps${datasetQuery(dataset)}`}>Technology gaps</a> ›{" "}
            {t.technology.code}
          </p>
          <PageHeader
            title={`${t.technology.code} ${t.technology.title}`}
            lead={`${t.technology.area}. As of ${analysis.asOf}.`}
          />
          <DatasetSwitch dataset={dataset} hasDemo={hasDemo} path={c.req.path} />
          <DemoNotice dataset={dataset} />
          <p class="tags">
            {t.status === "gap" ? (
              <Tag tone="warn">{`Gap: short by ${t.worstShortfall} TRL`}</Tag>
            ) : t.status === "met" ? (
              <Tag tone="ok">Every need met</Tag>
            ) : (
              <Tag>No recorded need</Tag>
            )}
            {t.capabilities.length === 0 ? <Tag tone="warn">Nobody works on it</Tag> : null}
          </p>
          <section class="section" aria-labelledby="caps-heading">
            <h2 id="caps-heading">Who works on it</h2>
            {t.capabilities.length ? (
              <TableScroll label="Capabilities">
                <table>
                  <caption>Agencies' capabilities for {t.technology.code}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Agency</th>
                      <th scope="col" class="num">
                        TRL now
                      </th>
                      <th scope="col" class="num">
                        Target TRL
                      </th>
                      <th scope="col">Target date</th>
                    </tr>
                  </thead>
                  <tbody>
                    {t.capabilities.map((cap) => (
                      <tr>
                        <th scope="row">
                          <a href={links.agency(cap.acronym)}>{cap.acronym}</a>
                        </th>
                        <td class="num">{cap.currentTrl}</td>
                        <td class="num">{cap.targetTrl}</td>
                        <td>
                          {cap.targetDate}{" "}
                          {cap.targetPassed ? <Tag tone="warn">passed, not reported reached</Tag> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : (
              <EmptyState title="No agency reports a capability for this technology." />
            )}
          </section>
          <section class="section" aria-labelledby="needs-heading">
            <h2 id="needs-heading">Needs</h2>
            {t.needs.length ? (
              <RankingTable
                gaps={t.needs}
                dataset={dataset}
                showTechnology={false}
                caption={`Needs for ${t.technology.code}, met or not`}
              />
            ) : (
              <EmptyState title="No mission or element records a need for this technology." />
            )}
          </section>
        </>
      ),
    });
  });

  app.get("/private/technology/gaps/agencies/:acronym", async (c) => {
    const { analysis, dataset, hasDemo } = await loadFor(c);
    const org = await findOrganisationByAcronym(c.var.deps.db, c.req.param("acronym"));
    if (!org) throw notFound("This agency");
    const acronym = org.acronym;
    const a = agencyView(analysis, acronym);
    const links = gapLinks(dataset);
    return renderPrivate(c, {
      title: `${acronym}: technology`,
      body: () => (
        <>
          <p class="breadcrumb">
            <a href={`/private/technology/gaps${datasetQuery(dataset)}`}>Technology gaps</a> › {acronym}
          </p>
          <PageHeader title={`${acronym}: capabilities and gaps`} lead={`As of ${analysis.asOf}.`} />
          <DatasetSwitch dataset={dataset} hasDemo={hasDemo} path={c.req.path} />
          <DemoNotice dataset={dataset} />
          {!a ? (
            <EmptyState title="This agency reports no capability in this dataset." />
          ) : (
            <TableScroll label="Capabilities and gaps">
              <table>
                <caption>
                  {a.acronym}'s capabilities: {a.gapsWorkedOn} on technologies with a gap
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Technology</th>
                    <th scope="col" class="num">
                      TRL now → target
                    </th>
                    <th scope="col">Target date</th>
                    <th scope="col">Gap</th>
                    <th scope="col">Also working on it</th>
                  </tr>
                </thead>
                <tbody>
                  {a.capabilities.map((row) => (
                    <tr>
                      <th scope="row">
                        <a href={links.technology(row.technology.code)}>{row.technology.code}</a>{" "}
                        {row.technology.title}
                      </th>
                      <td class="num">
                        {row.capability.currentTrl} → {row.capability.targetTrl}
                      </td>
                      <td class="nowrap">
                        {row.capability.targetDate}
                        {row.capability.targetPassed ? " (passed)" : ""}
                      </td>
                      <td>
                        {row.worstShortfall ? <Tag tone="warn">{`−${row.worstShortfall} TRL`}</Tag> : "none"}
                        {row.leads ? <Tag tone="ok">best for a need</Tag> : null}
                      </td>
                      <td>{others(row.workingOnIt, acronym)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      ),
    });
  });

  return app;
}
