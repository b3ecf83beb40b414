import type { AppContext } from "../../../http/env.js";
import { type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize, idParam, pageParam, personAllowedBy, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { ConfirmForm, PageHeader } from "../../../web/components.js";
import { listMissions } from "../../roadmap/roadmap.queries.js";
import type { FormValues } from "../ctl/views/ctl-forms.js";
import { canAddNeeds, canEditNeed, canReadNeeds } from "../technology.policy.js";
import { listTechnologies } from "../technology.queries.js";
import { parseDataset } from "../technology.schemas.js";
import { createNeed, deleteNeed, needLabel, needValues, updateNeed } from "./needs.service.js";
import { findNeed, hasDemoData, listNeeds, type Need } from "./records.queries.js";
import { NEEDS as BASE, NeedList } from "./views/need-list.js";
import { NeedForm } from "./views/record-forms.js";

const PER_PAGE = 50;
const notices: Record<string, string> = {
  added: "The need was recorded.",
  saved: "The need was saved.",
  deleted: "The need was deleted.",
};

const recorder = personAllowedBy(canAddNeeds, "Only focal points, chairs and the secretariat record needs.");

/** The need the address names, if the person may change it. */
async function editableNeed(c: AppContext) {
  const actor = requirePerson(c);
  const need = await findNeed(c.var.deps.db, idParam(c.req.param("id")));
  if (!need) throw notFound("The need");
  authorize(
    canEditNeed(actor, need),
    "Only the secretariat and the focal points of the mission's lead agency (chairs, for architecture elements) can change this need.",
  );
  return { actor, need };
}

async function needList(c: AppContext) {
  const actor = requirePerson(c);
  authorize(canReadNeeds(actor));
  const db = c.var.deps.db;
  const dataset = parseDataset(c.req.query("dataset"));
  const page = pageParam(c.req.query("page"));
  const [{ rows, total }, hasDemo] = await Promise.all([
    listNeeds(db, { dataset, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
    hasDemoData(db),
  ]);
  return renderPrivate(c, {
    title: "Technology needs",
    body: () => (
      <NeedList
        actor={actor}
        canAdd={canAddNeeds(actor)}
        notice={notices[c.req.query("done") ?? ""]}
        {...{ dataset, hasDemo, rows, total, page }}
        perPage={PER_PAGE}
      />
    ),
  });
}

type FormPage = { title: string; action: string; submit: string };

/** The record or edit form, offering the missions the person may set needs for (and elements, if allowed). */
async function formPage(
  c: AppContext,
  page: FormPage,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  const actor = requirePerson(c);
  const db = c.var.deps.db;
  const [techs, missions] = await Promise.all([listTechnologies(db), listMissions(db)]);
  const mine = missions.filter((m) =>
    canEditNeed(actor, { missionId: m.id, leadOrganisationId: m.leadOrganisationId }),
  );
  return renderPrivate(c, {
    title: page.title,
    body: () => (
      <>
        <PageHeader eyebrow="Technology needs" title={page.title} />
        <NeedForm
          action={page.action}
          csrf={c.var.csrfToken()}
          {...{ values, errors, message }}
          submit={page.submit}
          cancel={BASE}
          technologies={techs.map((t) => ({ value: t.code, label: `${t.code} ${t.title}` }))}
          missions={mine.map((m) => ({
            value: m.slug,
            label: `${m.name}${m.leadAcronym ? ` (${m.leadAcronym})` : ""}`,
          }))}
          elementAllowed={canEditNeed(actor, { missionId: null, leadOrganisationId: null })}
        />
      </>
    ),
  });
}

const newPage: FormPage = { title: "Record a need", action: `${BASE}/new`, submit: "Record need" };
const editPage = (n: Need): FormPage => ({
  title: `Edit the need of ${needLabel(n)} for ${n.technologyCode}`,
  action: `${BASE}/${n.id}/edit`,
  submit: "Save changes",
});

function newNeedForm(c: AppContext) {
  recorder(c);
  return formPage(c, newPage, { technology: c.req.query("technology") ?? "" });
}

function submitNewNeed(c: AppContext) {
  const actor = recorder(c);
  return handleForm(
    c,
    async (body) => {
      await createNeed(c.var.deps, actor, body);
      return `${BASE}?done=added`;
    },
    (body, errors, message) => formPage(c, newPage, body, errors, message),
  );
}

async function editNeedForm(c: AppContext) {
  const { need } = await editableNeed(c);
  return formPage(c, editPage(need), needValues(need));
}

async function saveNeed(c: AppContext) {
  const { actor, need } = await editableNeed(c);
  return handleForm(
    c,
    async (body) => {
      await updateNeed(c.var.deps, actor, need.id, body);
      return `${BASE}?done=saved`;
    },
    (body, errors, message) => formPage(c, editPage(need), body, errors, message),
  );
}

async function confirmNeedDeletion(c: AppContext) {
  const { need } = await editableNeed(c);
  return renderPrivate(c, {
    title: "Delete need",
    body: () => (
      <>
        <PageHeader
          title={`Delete the need of ${needLabel(need)} for ${need.technologyCode}?`}
          lead={`TRL ${need.trlNeeded} by ${need.neededBy}. The gap analysis will no longer count it; the audit log keeps a copy.`}
        />
        <ConfirmForm
          action={`${BASE}/${need.id}/delete`}
          csrf={c.var.csrfToken()}
          button="Delete need"
          back={BASE}
        />
      </>
    ),
  });
}

async function deleteConfirmedNeed(c: AppContext) {
  const { actor, need } = await editableNeed(c);
  await deleteNeed(c.var.deps, actor, need.id);
  return c.redirect(`${BASE}?done=deleted`, 303);
}

/** Mission and element needs: the list (any member), and the forms for those who may edit. */
export const needPages = pageGroup([
  ["GET", BASE, needList],
  ["GET", `${BASE}/new`, newNeedForm],
  ["POST", `${BASE}/new`, submitNewNeed],
  ["GET", `${BASE}/:id/edit`, editNeedForm],
  ["POST", `${BASE}/:id/edit`, saveNeed],
  ["GET", `${BASE}/:id/delete`, confirmNeedDeletion],
  ["POST", `${BASE}/:id/delete`, deleteConfirmedNeed],
]);
