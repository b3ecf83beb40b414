import { EmptyState, Notice, PageHeader, Pagination } from "../../../web/components.js";
import type { actionChoices } from "../actions.choices.queries.js";
import { actionsHref, type ShownFilters } from "../actions.filters.service.js";
import type { ActionRow } from "../actions.queries.js";
import { ActionFilterForm } from "./action-filters.js";
import { ActionTable } from "./action-table.js";

/** The register's page: the filters, how many match, the table and its pages. */
export function ActionRegister(p: {
  canRaise: boolean;
  notice: string | undefined;
  shown: ShownFilters;
  unknown: string[];
  choices: Awaited<ReturnType<typeof actionChoices>>;
  rows: ActionRow[];
  total: number;
  page: number;
  pages: number;
  today: string;
}) {
  return (
    <>
      <PageHeader
        title="Action register"
        lead="Actions raised in meetings and groups, carried from meeting to meeting until closed. You start on your agency's actions; choose “All agencies” to see everyone's."
        actions={
          p.canRaise ? (
            <a class="button" href="/private/actions/new">
              New action
            </a>
          ) : null
        }
      />
      <Notice text={p.notice} />
      <ActionFilterForm
        f={p.shown}
        agencies={p.choices.agencies.map((a) => a.value)}
        groups={p.choices.groups}
        meetings={p.choices.meetings}
      />
      {p.unknown.length ? <p class="callout small">Not found: {p.unknown.join(", ")}.</p> : null}
      <p class="muted" role="status">
        {p.total === 1 ? "1 action" : `${p.total} actions`}
        {p.shown.agency !== "all" ? ` owned by ${p.shown.agency}` : ""}.
      </p>
      {p.rows.length === 0 ? (
        <EmptyState title="No action matches these filters.">
          <a href="/private/actions?agency=all&status=all">Show every action</a>
        </EmptyState>
      ) : (
        <ActionTable rows={p.rows} today={p.today} />
      )}
      <Pagination page={p.page} pages={p.pages} href={(n) => actionsHref(p.shown, n)} />
    </>
  );
}
