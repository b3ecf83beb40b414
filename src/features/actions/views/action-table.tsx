import { Tag } from "../../../web/components.js";
import { DataTable } from "../../../web/table.js";
import type { ActionRow } from "../actions.queries.js";
import { actionStatusLabels, isOverdue } from "../actions.schemas.js";

/** Who owns an action, in words: "ESA", "Ada Lovelace (ESA)". */
export function ownerText(a: Pick<ActionRow, "ownerAcronym" | "ownerPersonName" | "ownerPersonAgency">) {
  if (a.ownerPersonName) return `${a.ownerPersonName} (${a.ownerPersonAgency ?? a.ownerAcronym ?? "—"})`;
  return a.ownerAcronym ?? "—";
}

/** The status tag; an overdue action says so in words, not only in colour. */
export function ActionStatus({
  a,
  today,
}: {
  a: { status: ActionRow["status"]; dueOn: string };
  today: string;
}) {
  return (
    <>
      <Tag tone={a.status === "closed" ? "ok" : a.status === "dropped" ? "muted" : "accent"}>
        {actionStatusLabels[a.status]}
      </Tag>
      {isOverdue(a, today) ? (
        <>
          {" "}
          <Tag tone="warn">Overdue</Tag>
        </>
      ) : null}
    </>
  );
}

/** The register as a table: number, action, owner, due date, status, where it was raised. */
export function ActionTable({ rows, today }: { rows: ActionRow[]; today: string }) {
  return (
    <DataTable
      label="Actions"
      class="action-table"
      rows={rows}
      rowHeader={1}
      rowClass={(a) => (isOverdue(a, today) ? "overdue" : undefined)}
      columns={[
        { heading: "No.", cell: (a) => `A-${a.number}` },
        { heading: "Action", cell: (a) => <a href={`/private/actions/${a.number}`}>{a.title}</a> },
        { heading: "Status", cell: (a) => <ActionStatus a={a} today={today} /> },
        {
          heading: "Due",
          class: "nowrap",
          cell: (a) => (isOverdue(a, today) ? <strong>{a.dueOn}</strong> : a.dueOn),
        },
        { heading: "Owner", cell: ownerText },
        {
          heading: "Raised in",
          cell: (a) =>
            a.meetingSlug ? (
              <a href={`/meetings/${a.meetingSlug}`}>{a.meetingTitle}</a>
            ) : a.groupName ? (
              <a href={`/groups/${a.groupSlug}`}>{a.groupName}</a>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}
