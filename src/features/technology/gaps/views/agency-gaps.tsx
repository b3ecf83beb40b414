import type { AgencySummary, GapAnalysis } from "../../../../domain/gap-analysis.js";
import { EmptyState, PageHeader, TableScroll, Tag } from "../../../../web/components.js";
import type { DatasetKind } from "../../technology.queries.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../../views/gap-dataset.js";
import { gapLinks } from "./gap-tables.js";

/** The other agencies on a technology, in words. */
const others = (all: string[], self: string) => all.filter((a) => a !== self).join(", ") || "nobody else";

/** One agency in the analysis: its capabilities, the gaps they bear on, who else works on each. */
export function AgencyGaps(p: {
  acronym: string;
  a: AgencySummary | undefined;
  analysis: GapAnalysis;
  dataset: DatasetKind;
  hasDemo: boolean;
  path: string;
}) {
  const { acronym, a, analysis, dataset, hasDemo } = p;
  const links = gapLinks(dataset);
  return (
    <>
      <p class="breadcrumb">
        <a href={`/private/technology/gaps${datasetQuery(dataset)}`}>Technology gaps</a> › {acronym}
      </p>
      <PageHeader title={`${acronym}: capabilities and gaps`} lead={`As of ${analysis.asOf}.`} />
      <DatasetSwitch dataset={dataset} hasDemo={hasDemo} path={p.path} />
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
  );
}
