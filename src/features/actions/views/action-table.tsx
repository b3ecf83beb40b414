import { TableScroll, Tag } from "../../../web/components.js";
import type { ActionRow } from "../actions.queries.js";
import { actionStatusLabels, liveStatuses } from "../actions.schemas.js";

/** True when a live action's due date has passed (`today` is YYYY-MM-DD). */
export const isOverdue = (a: { status: string; dueOn: string }, today: string) =>
  (liveStatuses as readonly string[]).includes(a.status) && a.dueOn < today;

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
    <TableScroll label="Actions">
      <table class="action-table">
        <caption class="visually-hidden">Actions</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Action</th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col">Owner</th>
            <th scope="col">Raised in</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr class={isOverdue(a, today) ? "overdue" : undefined}>
              <td>A-{a.number}</td>
              <th scope="row">
                <a href={`/private/actions/${a.number}`}>{a.title}</a>
              </th>
              <td>
                <ActionStatus a={a} today={today} />
              </td>
              <td class="nowrap">{isOverdue(a, today) ? <strong>{a.dueOn}</strong> : a.dueOn}</td>
              <td>{ownerText(a)}</td>
              <td>
                {a.meetingSlug ? (
                  <a href={`/meetings/${a.meetingSlug}`}>{a.meetingTitle}</a>
                ) : a.groupName ? (
                  <a href={`/groups/${a.groupSlug}`}>{a.groupName}</a>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
