import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { PageHeader } from "../../web/components.js";
import { actionChoices } from "./actions.choices.queries.js";
import { canRaiseActions } from "./actions.policy.js";
import type { ActionDetail } from "./actions.queries.js";
import { createAction, loadManagedAction, updateAction } from "./actions.service.js";
import { ActionForm, type ActionFormValues } from "./views/action-form.js";

const raiser = personAllowedBy(canRaiseActions, "Only the secretariat and group chairs raise actions.");

/** An action as its edit form shows it. */
function actionValues(a: ActionDetail): ActionFormValues {
  return {
    title: a.title,
    description: a.description,
    ownerAgency: a.ownerPersonId ? "" : (a.ownerAcronym ?? ""),
    ownerPerson: a.ownerPersonId ? String(a.ownerPersonId) : "",
    due: a.dueOn,
    status: a.status,
    group: a.groupSlug ?? "",
    meeting: a.meetingSlug ?? "",
  };
}

type FormOptions = { title: string; action: string; submit: string; withStatus: boolean };

const newOptions: FormOptions = {
  title: "New action",
  action: "/private/actions/new",
  submit: "Raise action",
  withStatus: false,
};

const editOptions = (n: number): FormOptions => ({
  title: `Edit action A-${n}`,
  action: `/private/actions/${n}/edit`,
  submit: "Save action",
  withStatus: true,
});

/** The raise or edit form, empty, filled from the action, or with what was typed and what was wrong. */
async function formPage(
  c: AppContext,
  options: FormOptions,
  values: ActionFormValues,
  errors?: FieldErrors,
  message?: string,
) {
  const choices = await actionChoices(c.var.deps);
  return renderPrivate(c, {
    title: options.title,
    body: () => (
      <>
        <p class="breadcrumb">
          <a href="/private/actions">← Action register</a>
        </p>
        <PageHeader title={options.title} />
        <ActionForm
          action={options.action}
          csrf={c.var.csrfToken()}
          {...{ values, errors, message }}
          submit={options.submit}
          withStatus={options.withStatus}
          {...choices}
        />
      </>
    ),
  });
}

/** The form for a new action, already tied to the meeting or group it is raised from. */
async function newActionForm(c: AppContext) {
  raiser(c);
  const { meeting = "", group = "" } = c.req.query();
  return formPage(c, newOptions, { meeting, group });
}

async function raiseAction(c: AppContext) {
  const actor = raiser(c);
  return handleForm(
    c,
    async (body) => `/private/actions/${(await createAction(c.var.deps, actor, body)).number}?done=created`,
    (values, errors, message) => formPage(c, newOptions, values, errors, message),
  );
}

/** The action the address names, if the person may manage it (its group's chairs, the secretariat). */
const managedAction = (c: AppContext) =>
  loadManagedAction(c.var.deps, requirePerson(c), idParam(c.req.param("number")));

async function editActionForm(c: AppContext) {
  const a = await managedAction(c);
  return formPage(c, editOptions(a.number), actionValues(a));
}

async function saveAction(c: AppContext) {
  const a = await managedAction(c);
  return handleForm(
    c,
    async (body) => {
      await updateAction(c.var.deps, requirePerson(c), a.number, body);
      return `/private/actions/${a.number}?done=saved`;
    },
    (values, errors, message) => formPage(c, editOptions(a.number), values, errors, message),
  );
}

/** Raising and editing actions: the secretariat, and chairs for their groups. */
export const actionAdminPages = pageGroup([
  ["GET", "/private/actions/new", newActionForm],
  ["POST", "/private/actions/new", raiseAction],
  ["GET", "/private/actions/:number{[0-9]+}/edit", editActionForm],
  ["POST", "/private/actions/:number{[0-9]+}/edit", saveAction],
]);
