import type { Person } from "../../../../http/actor.js";
import { formatPartialDate } from "../../../../web/format.js";
import { type Column, DataTable } from "../../../../web/table.js";
import { canEditCapability, canEditNeed } from "../../technology.policy.js";
import type { Capability, Need } from "../records.queries.js";

const day = (iso: string) => formatPartialDate(iso, "day");

/** The technology a row is about: left out on one technology's page, where it would repeat. */
function technologyColumn<T extends { technologyCode: string; technologyTitle: string }>(
  hide: boolean | undefined,
): Column<T>[] {
  if (hide) return [];
  return [
    {
      heading: "Technology",
      cell: (r) => (
        <>
          <a href={`/private/technology/${r.technologyCode}`}>{r.technologyCode}</a>
          <div class="small muted">{r.technologyTitle}</div>
        </>
      ),
    },
  ];
}

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
    <DataTable
      label={p.caption}
      showCaption
      class="data-table"
      rows={p.rows}
      rowHeader={p.hideTechnology ? 0 : 1}
      columns={[
        ...technologyColumn<Capability>(p.hideTechnology),
        { heading: "Agency", cell: (c) => c.acronym },
        { heading: "Current TRL", cell: (c) => c.currentTrl },
        { heading: "Target TRL", cell: (c) => c.targetTrl },
        { heading: "Target date", class: "nowrap", cell: (c) => day(c.targetDate) },
        {
          heading: "Note and evidence",
          class: "small",
          cell: (c) => (
            <>
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
            </>
          ),
        },
        {
          heading: "Actions",
          headingHidden: true,
          cell: (c) => (
            <RowActions
              base={`/private/technology/capabilities/${c.id}`}
              label={`${c.acronym}'s capability for ${c.technologyCode}`}
              show={p.editable && canEditCapability(p.actor, c)}
            />
          ),
        },
      ]}
    />
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
    <DataTable
      label={p.caption}
      showCaption
      class="data-table"
      rows={p.rows}
      rowHeader={p.hideTechnology ? 0 : 1}
      columns={[
        ...technologyColumn<Need>(p.hideTechnology),
        {
          heading: "Mission or element",
          cell: (n) =>
            n.missionSlug ? (
              <a href={`/roadmap/missions/${n.missionSlug}`}>{n.missionName}</a>
            ) : (
              <>
                {n.element} <span class="small muted">(architecture element)</span>
              </>
            ),
        },
        { heading: "Lead agency", cell: (n) => n.leadAcronym ?? "—" },
        { heading: "TRL needed", cell: (n) => n.trlNeeded },
        { heading: "Needed by", class: "nowrap", cell: (n) => day(n.neededBy) },
        { heading: "Note", class: "small", cell: (n) => n.note },
        {
          heading: "Actions",
          headingHidden: true,
          cell: (n) => (
            <RowActions
              base={`/private/technology/needs/${n.id}`}
              label={`need of ${n.missionName ?? n.element} for ${n.technologyCode}`}
              show={p.editable && canEditNeed(p.actor, n)}
            />
          ),
        },
      ]}
    />
  );
}
