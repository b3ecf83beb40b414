import type { GapAnalysis, TechnologySummary } from "../../../../domain/gap-analysis.js";
import { EmptyState, PageHeader, TableScroll, Tag } from "../../../../web/components.js";
import type { DatasetKind } from "../../technology.queries.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../../views/gap-dataset.js";
import { gapLinks, RankingTable } from "./gap-tables.js";

/** One technology in the analysis: who works on it and its needs, met or not. */
export function TechnologyGaps(p: {
  t: TechnologySummary;
  analysis: GapAnalysis;
  dataset: DatasetKind;
  hasDemo: boolean;
  path: string;
}) {
  const { t, analysis, dataset, hasDemo } = p;
  const links = gapLinks(dataset);
  return (
    <>
      <p class="breadcrumb">
        <a href={`/private/technology/gaps${datasetQuery(dataset)}`}>Technology gaps</a> › {t.technology.code}
      </p>
      <PageHeader
        title={`${t.technology.code} ${t.technology.title}`}
        lead={`${t.technology.area}. As of ${analysis.asOf}.`}
      />
      <DatasetSwitch dataset={dataset} hasDemo={hasDemo} path={p.path} />
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
  );
}
