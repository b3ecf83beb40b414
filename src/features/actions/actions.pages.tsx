import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, pageParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { actionChoices } from "./actions.choices.queries.js";
import { resolveActionFilters } from "./actions.filters.service.js";
import { canManageAction, canRaiseActions, canUpdateActionStatus } from "./actions.policy.js";
import { ACTIONS_PER_PAGE, type ActionDetail, findActionByNumber, listActions } from "./actions.queries.js";
import { updateActionStatus } from "./actions.service.js";
import { ActionPage, type StatusProblem } from "./views/action-detail.js";
import { ActionRegister } from "./views/action-register.js";

const notices: Record<string, string> = {
  created: "The action was raised.",
  saved: "The action was saved.",
  status: "The update was recorded in the action's history.",
};
const notice = (c: AppContext) => notices[c.req.query("done") ?? ""];
const today = (c: AppContext) => c.var.deps.now().toISOString().slice(0, 10);

/** The register, filtered (the person's own agency's actions first), a page at a time. */
async function actionRegister(c: AppContext) {
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
      <ActionRegister
        canRaise={canRaiseActions(actor)}
        notice={notice(c)}
        {...{ shown, unknown, choices, rows, total, page, pages }}
        today={today(c)}
      />
    ),
  });
}

/** The action the address names, for a signed-in person. */
async function loadAction(c: AppContext): Promise<ActionDetail> {
  requirePerson(c);
  const a = await findActionByNumber(c.var.deps.db, idParam(c.req.param("number")));
  if (!a) throw notFound("The action");
  return a;
}

/** An action's page; after a refused update, with what was typed and what was wrong (422). */
async function showAction(c: AppContext, a: ActionDetail, problem?: StatusProblem) {
  const actor = requirePerson(c);
  const choices = canUpdateActionStatus(actor, a) ? await actionChoices(c.var.deps) : null;
  return renderPrivate(
    c,
    {
      title: `A-${a.number} ${a.title}`,
      body: () => (
        <ActionPage
          a={a}
          today={today(c)}
          notice={notice(c)}
          canEdit={canManageAction(actor, a)}
          meetings={choices?.meetings ?? null}
          csrf={c.var.csrfToken()}
          problem={problem}
        />
      ),
    },
    problem ? 422 : 200,
  );
}

const actionPage = async (c: AppContext) => showAction(c, await loadAction(c));

/** Records an update from the action's page (the use case checks who may). */
async function recordActionStatus(c: AppContext) {
  const actor = requirePerson(c);
  const a = await loadAction(c);
  return handleForm(
    c,
    async (body) => {
      await updateActionStatus(c.var.deps, actor, a.number, body);
      return `/private/actions/${a.number}?done=status`;
    },
    (values, errors, message) => showAction(c, a, { values, errors, message }),
  );
}

/** The action register: the filtered list, one action with its history, and status updates. */
export const actionPages = pageGroup([
  ["GET", "/private/actions", actionRegister],
  ["GET", "/private/actions/:number{[0-9]+}", actionPage],
  ["POST", "/private/actions/:number{[0-9]+}/status", recordActionStatus],
]);
