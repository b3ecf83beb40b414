import type { GapAnalysis, NeedAssessment } from "../../../../domain/gap-analysis.js";
import { EmptyState, PageHeader, Pagination } from "../../../../web/components.js";
import type { DatasetKind } from "../../technology.queries.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../../views/gap-dataset.js";
import { CollaborationTable, gapLinks, OrphanList, RankingTable } from "./gap-tables.js";

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

/** The analysis as a whole: totals, the gaps by severity a page at a time, orphans, collaborations, agencies. */
export function GapOverview(p: {
  analysis: GapAnalysis;
  dataset: DatasetKind;
  hasDemo: boolean;
  shown: NeedAssessment[];
  page: number;
  pages: number;
}) {
  const { analysis, dataset, hasDemo, shown, page, pages } = p;
  const links = gapLinks(dataset);
  return (
    <>
      <PageHeader
        title="Technology gaps"
        lead={`For every need, the best TRL any agency is projected to have by the need date, as of ${analysis.asOf}.`}
      />
      <DatasetSwitch dataset={dataset} hasDemo={hasDemo} path="/private/technology/gaps" />
      <DemoNotice dataset={dataset} />
      <p>
        <a href={`/private/technology/gaps/heatmap${datasetQuery(dataset)}`}>Heat map: technology × agency</a>
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
  );
}
