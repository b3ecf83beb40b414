import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { PageHeader } from "../../web/components.js";
import { actionChoices } from "./actions.choices.queries.js";
import { canRaiseActions } from "./actions.policy.js";
import type { ActionDetail } from "./actions.queries.js";
import { createAction, loadManagedAction, updateAction } from "./actions.service.js";
import { ActionForm, type ActionFormValues } from "./views/action-form.js";

const RAISE_MESSAGE = "Only the secretariat and group chairs raise actions.";

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

/** Raising and editing actions: the secretariat, and chairs for their groups. */
export function actionAdminPages() {
  const app = new Hono<AppEnv>();

  const formPage = async (
    c: AppContext,
    opts: { title: string; action: string; submit: string; withStatus: boolean },
    values: ActionFormValues,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const choices = await actionChoices(c.var.deps);
    return renderPrivate(c, {
      title: opts.title,
      body: () => (
        <>
          <p class="breadcrumb">
            <a href="/private/actions">← Action register</a>
          </p>
          <PageHeader title={opts.title} />
          <ActionForm
            action={opts.action}
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            submit={opts.submit}
            withStatus={opts.withStatus}
            {...choices}
          />
        </>
      ),
    });
  };

  const newOpts = {
    title: "New action",
    action: "/private/actions/new",
    submit: "Raise action",
    withStatus: false,
  };

  app.get("/private/actions/new", async (c) => {
    authorize(canRaiseActions(requirePerson(c)), RAISE_MESSAGE);
    const q = c.req.query();
    return formPage(c, newOpts, { meeting: q.meeting ?? "", group: q.group ?? "" });
  });

  app.post("/private/actions/new", async (c) => {
    const actor = requirePerson(c);
    authorize(canRaiseActions(actor), RAISE_MESSAGE);
    return handleForm(
      c,
      async (body) => `/private/actions/${(await createAction(c.var.deps, actor, body)).number}?done=created`,
      (values, errors, message) => formPage(c, newOpts, values, errors, message),
    );
  });

  const editOpts = (n: number) => ({
    title: `Edit action A-${n}`,
    action: `/private/actions/${n}/edit`,
    submit: "Save action",
    withStatus: true,
  });

  app.get("/private/actions/:number{[0-9]+}/edit", async (c) => {
    const a = await loadManagedAction(c.var.deps, requirePerson(c), idParam(c.req.param("number")));
    return formPage(c, editOpts(a.number), actionValues(a));
  });

  app.post("/private/actions/:number{[0-9]+}/edit", async (c) => {
    const actor = requirePerson(c);
    const a = await loadManagedAction(c.var.deps, actor, idParam(c.req.param("number")));
    return handleForm(
      c,
      async (body) => {
        await updateAction(c.var.deps, actor, a.number, body);
        return `/private/actions/${a.number}?done=saved`;
      },
      (values, errors, message) => formPage(c, editOpts(a.number), values, errors, message),
    );
  });

  return app;
}
