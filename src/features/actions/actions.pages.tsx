import { Hono } from "hono";
import { raw } from "hono/html";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, pageParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { EmptyState, Notice, PageHeader, Pagination } from "../../web/components.js";
import { renderMarkdown } from "../../web/markdown.js";
import { actionChoices } from "./actions.choices.queries.js";
import { actionsHref, resolveActionFilters } from "./actions.filters.service.js";
import { canManageAction, canRaiseActions, canUpdateActionStatus } from "./actions.policy.js";
import { ACTIONS_PER_PAGE, type ActionDetail, findActionByNumber, listActions } from "./actions.queries.js";
import { updateActionStatus } from "./actions.service.js";
import { ActionHistory, StatusForm } from "./views/action-detail.js";
import { ActionFilterForm } from "./views/action-filters.js";
import { ActionStatus, ActionTable, ownerText } from "./views/action-table.js";

const notices: Record<string, string> = {
  created: "The action was raised.",
  saved: "The action was saved.",
  status: "The update was recorded in the action's history.",
};

const today = (c: AppContext) => c.var.deps.now().toISOString().slice(0, 10);

/** The action register: the filtered list, one action with its history, and status updates. */
export function actionPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/actions", async (c) => {
    const actor = requirePerson(c);
    const db = c.var.deps.db;
    const page = pageParam(c.req.query("page"));
    const { resolved, shown, unknown } = await resolveActionFilters(db, actor, c.req.query());
    const [{ rows, total }, choices] = await Promise.all([
      listActions(db, resolved, page),
      actionChoices(c.var.deps),
    ]);
    const pages = Math.max(1, Math.ceil(total / ACTIONS_PER_PAGE));
    if (page > pages) throw notFound("This page of actions");
    return renderPrivate(c, {
      title: "Actions",
      body: () => (
        <>
          <PageHeader
            title="Action register"
            lead="Actions raised in meetings and groups, carried from meeting to meeting until closed. You start on your agency's actions; choose “All agencies” to see everyone's."
            actions={
              canRaiseActions(actor) ? (
                <a class="button" href="/private/actions/new">
                  New action
                </a>
              ) : null
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <ActionFilterForm
            f={shown}
            agencies={choices.agencies.map((a) => a.value)}
            groups={choices.groups}
            meetings={choices.meetings}
          />
          {unknown.length ? <p class="callout small">Not found: {unknown.join(", ")}.</p> : null}
          <p class="muted" role="status">
            {total === 1 ? "1 action" : `${total} actions`}
            {shown.agency !== "all" ? ` owned by ${shown.agency}` : ""}.
          </p>
          {rows.length === 0 ? (
            <EmptyState title="No action matches these filters.">
              <a href="/private/actions?agency=all&status=all">Show every action</a>
            </EmptyState>
          ) : (
            <ActionTable rows={rows} today={today(c)} />
          )}
          <Pagination page={page} pages={pages} href={(n) => actionsHref(shown, n)} />
        </>
      ),
    });
  });

  const detailPage = async (
    c: AppContext,
    a: ActionDetail,
    problem?: { values: Record<string, string | string[]>; errors: FieldErrors; message: string },
  ) => {
    const actor = requirePerson(c);
    const choices = canUpdateActionStatus(actor, a) ? await actionChoices(c.var.deps) : null;
    return renderPrivate(
      c,
      {
        title: `A-${a.number} ${a.title}`,
        body: () => (
          <>
            <p class="breadcrumb">
              <a href="/private/actions">← Action register</a>
            </p>
            <PageHeader
              eyebrow={`Action A-${a.number}`}
              title={a.title}
              actions={
                canManageAction(actor, a) ? (
                  <a class="button button-secondary" href={`/private/actions/${a.number}/edit`}>
                    Edit action
                  </a>
                ) : null
              }
            />
            <Notice text={notices[c.req.query("done") ?? ""]} />
            <dl class="details">
              <dt>Status</dt>
              <dd>
                <ActionStatus a={a} today={today(c)} />
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
            {choices ? (
              <StatusForm
                a={a}
                csrf={c.var.csrfToken()}
                meetings={choices.meetings}
                values={problem?.values}
                errors={problem?.errors}
                message={problem?.message}
              />
            ) : (
              <p class="muted">
                The owner ({ownerText(a)}), their agency's focal points and the action's managers update its
                status.
              </p>
            )}
          </>
        ),
      },
      problem ? 422 : 200,
    );
  };

  const load = async (c: AppContext) => {
    requirePerson(c);
    const a = await findActionByNumber(c.var.deps.db, idParam(c.req.param("number")));
    if (!a) throw notFound("The action");
    return a;
  };

  app.get("/private/actions/:number{[0-9]+}", async (c) => detailPage(c, await load(c)));

  app.post("/private/actions/:number{[0-9]+}/status", async (c) => {
    const actor = requirePerson(c);
    const a = await load(c);
    return handleForm(
      c,
      async (body) => {
        await updateActionStatus(c.var.deps, actor, a.number, body);
        return `/private/actions/${a.number}?done=status`;
      },
      (values, errors, message) => detailPage(c, a, { values, errors, message }),
    );
  });

  return app;
}
