import { raw } from "hono/html";
import type { FieldErrors } from "../../../http/errors.js";
import { val } from "../../../kit/forms.js";
import {
  CsrfField,
  ErrorSummary,
  labelOptions,
  Notice,
  PageHeader,
  Select,
  TableScroll,
  TextArea,
} from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { renderMarkdown } from "../../../web/markdown.js";
import type { ActionDetail } from "../actions.queries.js";
import { actionStatusLabels } from "../actions.schemas.js";
import { ActionStatus, ownerText } from "./action-table.js";

type Values = Record<string, string | string[]> | undefined;

/** The append-only history: status changes, notes, and the meetings where the action was reviewed. */
export function ActionHistory({ history }: { history: ActionDetail["history"] }) {
  return (
    <section class="section" aria-labelledby="history">
      <h2 id="history">History</h2>
      <TableScroll label="History">
        <table>
          <caption class="visually-hidden">History of the action, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Status</th>
              <th scope="col">Reviewed at</th>
              <th scope="col">Note</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr>
                <td>{formatTimestamp(h.at)}</td>
                <td>
                  {h.fromStatus && h.fromStatus !== h.toStatus
                    ? `${actionStatusLabels[h.fromStatus]} → ${actionStatusLabels[h.toStatus]}`
                    : actionStatusLabels[h.toStatus]}
                </td>
                <td>{h.meetingSlug ? <a href={`/meetings/${h.meetingSlug}`}>{h.meetingTitle}</a> : "—"}</td>
                <td>{h.note ?? "—"}</td>
                <td>{h.actorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** The owner's (or a manager's) update: a new status, a note, and the meeting that reviewed it. */
export function StatusForm(p: {
  a: ActionDetail;
  csrf: string;
  meetings: Array<{ value: string; label: string }>;
  values?: Values;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <section class="section" aria-labelledby="update">
      <h2 id="update">Record an update</h2>
      <form method="post" action={`/private/actions/${p.a.number}/status`} class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <Select
          name="status"
          label="Status"
          value={val(p.values, "status") || p.a.status}
          errors={p.errors}
          options={labelOptions(actionStatusLabels)}
          required
        />
        <TextArea name="note" label="Note" value={val(p.values, "note")} errors={p.errors} rows={3} />
        <Select
          name="meeting"
          label="Reviewed at meeting"
          value={val(p.values, "meeting")}
          errors={p.errors}
          emptyLabel="Not at a meeting"
          options={p.meetings}
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Record update
          </button>
        </p>
      </form>
    </section>
  );
}

/** What a failed status update brings back to the page: what was typed and what was wrong. */
export type StatusProblem = { values: Values; errors: FieldErrors; message: string };

/** One action's page: its facts, its description, its history and, for those who may, the update form. */
export function ActionPage(p: {
  a: ActionDetail;
  today: string;
  notice: string | undefined;
  canEdit: boolean;
  /** The meetings to choose from, for someone who may record an update; null for anyone else. */
  meetings: Array<{ value: string; label: string }> | null;
  csrf: string;
  problem?: StatusProblem;
}) {
  const { a } = p;
  return (
    <>
      <p class="breadcrumb">
        <a href="/private/actions">← Action register</a>
      </p>
      <PageHeader
        eyebrow={`Action A-${a.number}`}
        title={a.title}
        actions={
          p.canEdit ? (
            <a class="button button-secondary" href={`/private/actions/${a.number}/edit`}>
              Edit action
            </a>
          ) : null
        }
      />
      <Notice text={p.notice} />
      <dl class="details">
        <dt>Status</dt>
        <dd>
          <ActionStatus a={a} today={p.today} />
        </dd>
        <dt>Owner</dt>
        <dd>{ownerText(a)}</dd>
        <dt>Due</dt>
        <dd>{a.dueOn}</dd>
        <dt>Group</dt>
        <dd>{a.groupName ? <a href={`/groups/${a.groupSlug}`}>{a.groupName}</a> : "Forum-wide"}</dd>
        <dt>Raised in</dt>
        <dd>{a.meetingSlug ? <a href={`/meetings/${a.meetingSlug}`}>{a.meetingTitle}</a> : "—"}</dd>
      </dl>
      {a.description ? <div class="prose">{raw(renderMarkdown(a.description))}</div> : null}
      <ActionHistory history={a.history} />
      {p.meetings ? (
        <StatusForm
          a={a}
          csrf={p.csrf}
          meetings={p.meetings}
          values={p.problem?.values}
          errors={p.problem?.errors}
          message={p.problem?.message}
        />
      ) : (
        <p class="muted">
          The owner ({ownerText(a)}), their agency's focal points and the action's managers update its status.
        </p>
      )}
    </>
  );
}
