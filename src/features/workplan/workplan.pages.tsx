import type { AppContext } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { actionChoices } from "../actions/actions.choices.queries.js";
import type { GroupDetail } from "../groups/groups.queries.js";
import { loadManagedGroup } from "../groups/groups.service.js";
import type { Values } from "./views/workplan.js";
import { DeliverableEditPage, WorkplanPage, type WorkplanProblem } from "./views/workplan-page.js";
import { findDeliverable, listDeliverables, listOutlooks } from "./workplan.queries.js";
import { createDeliverable, saveOutlook, updateDeliverable } from "./workplan.service.js";

const notices: Record<string, string> = {
  added: "The deliverable was added to the workplan.",
  saved: "The deliverable was saved.",
  outlook: "The outlook was saved.",
};

/** The group the address names, for someone who manages its workplan: its chair and the secretariat. */
const managedGroup = (c: AppContext) =>
  loadManagedGroup(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");

async function workplanPage(c: AppContext, g: GroupDetail, problem?: WorkplanProblem) {
  const db = c.var.deps.db;
  const [rows, outlooks, choices] = await Promise.all([
    listDeliverables(db, g.id),
    listOutlooks(db, g.id),
    actionChoices(c.var.deps),
  ]);
  const csrf = c.var.csrfToken();
  const year = c.var.deps.now().getUTCFullYear();
  return renderPrivate(
    c,
    {
      title: `Workplan: ${g.acronym ?? g.name}`,
      body: () => (
        <WorkplanPage
          {...{ g, rows, outlooks, csrf, year, problem }}
          agencies={choices.agencies}
          people={choices.people}
          notice={notices[c.req.query("done") ?? ""]}
        />
      ),
    },
    problem ? 422 : 200,
  );
}

async function editPage(
  c: AppContext,
  g: GroupDetail,
  values: Values,
  errors?: FieldErrors,
  message?: string,
) {
  const choices = await actionChoices(c.var.deps);
  const id = idParam(c.req.param("id"));
  return renderPrivate(
    c,
    {
      title: "Edit deliverable",
      body: () => (
        <DeliverableEditPage
          {...{ g, id, values, errors, message }}
          agencies={choices.agencies}
          people={choices.people}
          csrf={c.var.csrfToken()}
        />
      ),
    },
    errors ? 422 : 200,
  );
}

const workplan = async (c: AppContext) => workplanPage(c, await managedGroup(c));

async function submitDeliverable(c: AppContext) {
  const g = await managedGroup(c);
  return handleForm(
    c,
    async (body) => {
      await createDeliverable(c.var.deps, requirePerson(c), g.slug, body);
      return `/private/groups/${g.slug}/workplan?done=added`;
    },
    (values, errors, message) => workplanPage(c, g, { form: "add", values, errors, message }),
  );
}

async function saveYearOutlook(c: AppContext) {
  const g = await managedGroup(c);
  return handleForm(
    c,
    async (body) => {
      await saveOutlook(c.var.deps, requirePerson(c), g.slug, body);
      return `/private/groups/${g.slug}/workplan?done=outlook`;
    },
    (values, errors, message) => workplanPage(c, g, { form: "outlook", values, errors, message }),
  );
}

async function editDeliverableForm(c: AppContext) {
  const g = await managedGroup(c);
  const d = await findDeliverable(c.var.deps.db, g.id, idParam(c.req.param("id")));
  if (!d) throw notFound("The deliverable");
  return editPage(c, g, {
    title: d.title,
    ownerAgency: d.ownerPersonId ? "" : (d.ownerAcronym ?? ""),
    ownerPerson: d.ownerPersonId ? String(d.ownerPersonId) : "",
    due: d.dueOn ?? "",
    status: d.status,
    link: d.linkUrl ?? "",
  });
}

async function saveDeliverable(c: AppContext) {
  const g = await managedGroup(c);
  return handleForm(
    c,
    async (body) => {
      await updateDeliverable(c.var.deps, requirePerson(c), g.slug, idParam(c.req.param("id")), body);
      return `/private/groups/${g.slug}/workplan?done=saved`;
    },
    (values, errors, message) => editPage(c, g, values, errors, message),
  );
}

/** Managing a group's workplan (deliverables) and yearly outlook: its chair and the secretariat. */
export const workplanPages = pageGroup([
  ["GET", "/private/groups/:slug/workplan", workplan],
  ["POST", "/private/groups/:slug/workplan", submitDeliverable],
  ["POST", "/private/groups/:slug/outlook", saveYearOutlook],
  ["GET", "/private/groups/:slug/workplan/:id", editDeliverableForm],
  ["POST", "/private/groups/:slug/workplan/:id", saveDeliverable],
]);
