import type { Collaboration, GapAnalysis, NeedAssessment } from "../../../../domain/gap-analysis.js";
import { cellText, type HeatMapModel } from "../../../../domain/heat-map.js";
import { EmptyState, TableScroll, Tag } from "../../../../web/components.js";
import type { DatasetKind } from "../../technology.queries.js";
import { datasetQuery } from "../../views/gap-dataset.js";

/** Links inside the private analysis, keeping the dataset choice. */
export const gapLinks = (dataset: DatasetKind) => ({
  technology: (code: string) =>
    `/private/technology/gaps/technologies/${code.toLowerCase()}${datasetQuery(dataset)}`,
  agency: (acronym: string) =>
    `/private/technology/gaps/agencies/${acronym.toLowerCase()}${datasetQuery(dataset)}`,
});

/** "in 3 years", "in 40 days", "passed 2 months ago": time left to a need date, in words. */
export function timeLeft(days: number): string {
  const abs = Math.abs(days);
  const span =
    abs >= 730
      ? `${Math.round(abs / 365.25)} years`
      : abs >= 60
        ? `${Math.round(abs / 30.44)} months`
        : `${abs} days`;
  return days < 0 ? `passed ${span} ago` : days === 0 ? "today" : `in ${span}`;
}

/** The ranked gaps: technology, need, TRL needed and best projected, shortfall, severity, date and time left. */
export function RankingTable(p: {
  gaps: NeedAssessment[];
  dataset: DatasetKind;
  caption: string;
  showTechnology?: boolean;
}) {
  const links = gapLinks(p.dataset);
  if (p.gaps.length === 0) return <EmptyState title="No gaps: every need is met in time by some agency." />;
  return (
    <TableScroll label={p.caption}>
      <table>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {p.showTechnology === false ? null : <th scope="col">Technology</th>}
            <th scope="col">Needed for</th>
            <th scope="col" class="num">
              TRL needed
            </th>
            <th scope="col" class="num">
              Best projected
            </th>
            <th scope="col" class="num">
              Shortfall
            </th>
            <th scope="col" class="num">
              Severity
            </th>
            <th scope="col">Needed by</th>
          </tr>
        </thead>
        <tbody>
          {p.gaps.map((g) => (
            <tr>
              {p.showTechnology === false ? null : (
                <th scope="row" class="tech-cell">
                  <a href={links.technology(g.technology.code)}>{g.technology.code}</a>{" "}
                  <span class="muted small">{g.technology.title}</span>
                </th>
              )}
              <td>{g.need.label}</td>
              <td class="num">{g.need.trlNeeded}</td>
              <td class="num">
                {g.bestTrl === null ? "none" : g.bestTrl}
                {g.bestAgencies.length ? (
                  <span class="muted small"> ({g.bestAgencies.join(", ")})</span>
                ) : null}
              </td>
              <td class="num">{g.shortfall ? `−${g.shortfall}` : "met"}</td>
              <td class="num">{g.severity}</td>
              <td>
                <span class="nowrap">{g.need.neededBy}</span>
                <br />
                <span class={g.needDatePassed ? "small tag-warn" : "muted small"}>
                  {timeLeft(g.daysLeft)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Technologies nobody reports working on. */
export function OrphanList({ analysis, dataset }: { analysis: GapAnalysis; dataset: DatasetKind }) {
  const links = gapLinks(dataset);
  if (analysis.orphans.length === 0)
    return <p>Every technology on the list has at least one agency working on it.</p>;
  return (
    <ul>
      {analysis.orphans.map((o) => (
        <li>
          <a href={links.technology(o.technology.code)}>{o.technology.code}</a> {o.technology.title}
          {o.needCount
            ? ` — needed ${o.needCount} time${o.needCount === 1 ? "" : "s"}`
            : " — no recorded need"}
        </li>
      ))}
    </ul>
  );
}

/** Where several agencies work on one technology at once. */
export function CollaborationTable(p: { list: Collaboration[]; dataset: DatasetKind }) {
  const links = gapLinks(p.dataset);
  if (p.list.length === 0) return <p>No technology has more than one agency working on it.</p>;
  return (
    <TableScroll label="Collaboration opportunities">
      <table>
        <caption>Technologies several agencies work on, those with a gap first</caption>
        <thead>
          <tr>
            <th scope="col">Technology</th>
            <th scope="col">Agencies</th>
            <th scope="col">Gap</th>
          </tr>
        </thead>
        <tbody>
          {p.list.map((c) => (
            <tr>
              <th scope="row">
                <a href={links.technology(c.technology.code)}>{c.technology.code}</a> {c.technology.title}
              </th>
              <td>
                {c.agencies.map((a, k) => (
                  <>
                    {k ? ", " : ""}
                    <a href={links.agency(a)}>{a}</a>
                  </>
                ))}
              </td>
              <td>{c.hasGap ? <Tag tone="warn">{`short by ${c.worstShortfall} TRL`}</Tag> : "none"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The heat map as a table, for screen readers and for copying: one row per technology. */
export function HeatMapTable({ model, caption }: { model: HeatMapModel; caption: string }) {
  const trl = model.detail === "trl";
  return (
    <TableScroll label={caption}>
      <table class="heat-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Technology</th>
            {model.agencies.map((a) => (
              <th scope="col" class="num">
                {a}
              </th>
            ))}
            {trl ? <th scope="col">Gap</th> : null}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((r) => (
            <tr>
              <th scope="row" class="tech-cell">
                <strong>{r.code}</strong> <span class="muted small">{r.title}</span>
              </th>
              {r.cells.map((c) => (
                <td class="num">
                  {c === null ? <span class="visually-hidden">none</span> : trl ? cellText(c) : "yes"}
                </td>
              ))}
              {trl ? <td>{r.shortfall ? `−${r.shortfall} TRL` : "none"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
