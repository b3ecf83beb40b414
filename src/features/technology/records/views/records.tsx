import type { Person } from "../../../../http/actor.js";
import { TableScroll } from "../../../../web/components.js";
import { formatPartialDate } from "../../../../web/format.js";
import { canEditCapability, canEditNeed } from "../../technology.policy.js";
import type { Capability, Need } from "../records.queries.js";

const day = (iso: string) => formatPartialDate(iso, "day");

/** Edit and delete links for a row the actor may change (real records only). */
function RowActions(p: { base: string; label: string; show: boolean }) {
  if (!p.show) return null;
  return (
    <span class="small">
      <a href={`${p.base}/edit`}>
        Edit<span class="visually-hidden"> {p.label}</span>
      </a>
      {" · "}
      <a href={`${p.base}/delete`}>
        Delete<span class="visually-hidden"> {p.label}</span>
      </a>
    </span>
  );
}

/** Agencies' capabilities as a table: TRL now, TRL planned and when. */
export function CapabilityTable(p: {
  rows: Capability[];
  actor: Person;
  caption: string;
  editable: boolean;
  /** On one technology's page the column would repeat it on every row. */
  hideTechnology?: boolean;
}) {
  return (
    <TableScroll label={p.caption}>
      <table class="data-table">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {p.hideTechnology ? null : <th scope="col">Technology</th>}
            <th scope="col">Agency</th>
            <th scope="col">Current TRL</th>
            <th scope="col">Target TRL</th>
            <th scope="col">Target date</th>
            <th scope="col">Note and evidence</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((c) => (
            <tr>
              {p.hideTechnology ? null : (
                <td>
                  <a href={`/private/technology/${c.technologyCode}`}>{c.technologyCode}</a>
                  <div class="small muted">{c.technologyTitle}</div>
                </td>
              )}
              <th scope="row">{c.acronym}</th>
              <td>{c.currentTrl}</td>
              <td>{c.targetTrl}</td>
              <td class="nowrap">{day(c.targetDate)}</td>
              <td class="small">
                {c.note}
                {c.evidenceUrl ? (
                  <div>
                    <a href={c.evidenceUrl} rel="noopener noreferrer">
                      Evidence
                      <span class="visually-hidden">
                        {" "}
                        for {c.acronym}'s {c.technologyCode}
                      </span>
                    </a>
                  </div>
                ) : null}
              </td>
              <td>
                <RowActions
                  base={`/private/technology/capabilities/${c.id}`}
                  label={`${c.acronym}'s capability for ${c.technologyCode}`}
                  show={p.editable && canEditCapability(p.actor, c)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Needs as a table: which mission or element needs which technology, at what TRL, by when. */
export function NeedTable(p: {
  rows: Need[];
  actor: Person;
  caption: string;
  editable: boolean;
  /** On one technology's page the column would repeat it on every row. */
  hideTechnology?: boolean;
}) {
  return (
    <TableScroll label={p.caption}>
      <table class="data-table">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {p.hideTechnology ? null : <th scope="col">Technology</th>}
            <th scope="col">Mission or element</th>
            <th scope="col">Lead agency</th>
            <th scope="col">TRL needed</th>
            <th scope="col">Needed by</th>
            <th scope="col">Note</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((n) => (
            <tr>
              {p.hideTechnology ? null : (
                <td>
                  <a href={`/private/technology/${n.technologyCode}`}>{n.technologyCode}</a>
                  <div class="small muted">{n.technologyTitle}</div>
                </td>
              )}
              <th scope="row">
                {n.missionSlug ? (
                  <a href={`/roadmap/missions/${n.missionSlug}`}>{n.missionName}</a>
                ) : (
                  <>
                    {n.element} <span class="small muted">(architecture element)</span>
                  </>
                )}
              </th>
              <td>{n.leadAcronym ?? "—"}</td>
              <td>{n.trlNeeded}</td>
              <td class="nowrap">{day(n.neededBy)}</td>
              <td class="small">{n.note}</td>
              <td>
                <RowActions
                  base={`/private/technology/needs/${n.id}`}
                  label={`need of ${n.missionName ?? n.element} for ${n.technologyCode}`}
                  show={p.editable && canEditNeed(p.actor, n)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
