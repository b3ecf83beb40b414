import type { AppContext } from "../../../http/env.js";
import { type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize, idParam, pageParam, personAllowedBy, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { ConfirmForm, PageHeader } from "../../../web/components.js";
import { findOrganisationByAcronym, listOrganisations } from "../../directory/directory.queries.js";
import type { FormValues } from "../ctl/views/ctl-forms.js";
import {
  canAddCapabilities,
  canEditCapability,
  canEditTechnologyList,
  canReadCapabilities,
} from "../technology.policy.js";
import { listTechnologies } from "../technology.queries.js";
import { parseDataset } from "../technology.schemas.js";
import {
  capabilityValues,
  createCapability,
  deleteCapability,
  updateCapability,
} from "./capabilities.service.js";
import { type Capability, findCapability, hasDemoData, listCapabilities } from "./records.queries.js";
import { CAPABILITIES as BASE, CapabilityList } from "./views/capability-list.js";
import { CapabilityForm } from "./views/record-forms.js";

const PER_PAGE = 50;
const notices: Record<string, string> = {
  added: "The capability was recorded.",
  saved: "The capability was saved.",
  deleted: "The capability was deleted.",
};

const recorder = personAllowedBy(
  canAddCapabilities,
  "Only focal points and the secretariat record capabilities.",
);

/** The capability the address names, if the person may change it: its agency's focal points, the secretariat. */
async function editableCapability(c: AppContext) {
  const actor = requirePerson(c);
  const cap = await findCapability(c.var.deps.db, idParam(c.req.param("id")));
  if (!cap) throw notFound("The capability");
  authorize(
    canEditCapability(actor, cap),
    "Only the agency's own focal points and the secretariat can change its capabilities.",
  );
  return { actor, cap };
}

async function capabilityList(c: AppContext) {
  const actor = requirePerson(c);
  authorize(canReadCapabilities(actor));
  const db = c.var.deps.db;
  const dataset = parseDataset(c.req.query("dataset"));
  const agency = c.req.query("agency") ?? "";
  const org = agency ? await findOrganisationByAcronym(db, agency) : undefined;
  const page = pageParam(c.req.query("page"));
  const [{ rows, total }, hasDemo, agencies] = await Promise.all([
    listCapabilities(db, {
      dataset,
      organisationId: agency ? (org?.id ?? -1) : undefined,
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    }),
    hasDemoData(db),
    listOrganisations(db),
  ]);
  return renderPrivate(c, {
    title: "Capabilities",
    body: () => (
      <CapabilityList
        actor={actor}
        canAdd={canAddCapabilities(actor)}
        notice={notices[c.req.query("done") ?? ""]}
        {...{ dataset, hasDemo, agency, org, agencies, rows, total, page }}
        perPage={PER_PAGE}
      />
    ),
  });
}

type FormPage = { title: string; action: string; submit: string; fixed?: Capability };

/** The record or edit form; the secretariat chooses the agency of a new capability, a focal point records their own. */
async function formPage(
  c: AppContext,
  page: FormPage,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  const actor = requirePerson(c);
  const db = c.var.deps.db;
  const [techs, orgs] = await Promise.all([listTechnologies(db), listOrganisations(db)]);
  const chooseAgency = canEditTechnologyList(actor) && !page.fixed;
  return renderPrivate(c, {
    title: page.title,
    body: () => (
      <>
        <PageHeader eyebrow="Capabilities" title={page.title} />
        <CapabilityForm
          action={page.action}
          csrf={c.var.csrfToken()}
          {...{ values, errors, message }}
          submit={page.submit}
          cancel={BASE}
          technologies={techs.map((t) => ({ value: t.code, label: `${t.code} ${t.title}` }))}
          agencies={
            chooseAgency
              ? orgs.filter((o) => !o.leftOn).map((o) => ({ value: o.acronym, label: o.acronym }))
              : null
          }
          fixedAgency={page.fixed?.acronym ?? actor.organisationAcronym ?? ""}
          fixedTechnology={
            page.fixed ? `${page.fixed.technologyCode} ${page.fixed.technologyTitle}` : undefined
          }
        />
      </>
    ),
  });
}

const newPage: FormPage = {
  title: "Record a capability",
  action: `${BASE}/new`,
  submit: "Record capability",
};
const editPage = (cap: Capability): FormPage => ({
  title: `Edit ${cap.acronym}'s capability for ${cap.technologyCode}`,
  action: `${BASE}/${cap.id}/edit`,
  submit: "Save changes",
  fixed: cap,
});

function newCapabilityForm(c: AppContext) {
  const actor = recorder(c);
  const technology = c.req.query("technology") ?? "";
  return formPage(c, newPage, { technology, agency: actor.organisationAcronym ?? "" });
}

function submitNewCapability(c: AppContext) {
  const actor = recorder(c);
  return handleForm(
    c,
    async (body) => {
      const input = canEditTechnologyList(actor) ? body : { ...body, agency: actor.organisationAcronym };
      const cap = await createCapability(c.var.deps, actor, input);
      return `${BASE}?done=added&agency=${encodeURIComponent(cap.acronym)}`;
    },
    (body, errors, message) => formPage(c, newPage, body, errors, message),
  );
}

async function editCapabilityForm(c: AppContext) {
  const { cap } = await editableCapability(c);
  return formPage(c, editPage(cap), capabilityValues(cap));
}

async function saveCapability(c: AppContext) {
  const { actor, cap } = await editableCapability(c);
  return handleForm(
    c,
    async (body) => {
      await updateCapability(c.var.deps, actor, cap.id, body);
      return `${BASE}?done=saved&agency=${encodeURIComponent(cap.acronym)}`;
    },
    (body, errors, message) => formPage(c, editPage(cap), body, errors, message),
  );
}

async function confirmCapabilityDeletion(c: AppContext) {
  const { cap } = await editableCapability(c);
  return renderPrivate(c, {
    title: "Delete capability",
    body: () => (
      <>
        <PageHeader
          title={`Delete ${cap.acronym}'s capability for ${cap.technologyCode}?`}
          lead={`TRL ${cap.currentTrl} now, ${cap.targetTrl} planned by ${cap.targetDate}. The gap analysis will no longer count it; the audit log keeps a copy.`}
        />
        <ConfirmForm
          action={`${BASE}/${cap.id}/delete`}
          csrf={c.var.csrfToken()}
          button="Delete capability"
          back={BASE}
        />
      </>
    ),
  });
}

async function deleteConfirmedCapability(c: AppContext) {
  const { actor, cap } = await editableCapability(c);
  await deleteCapability(c.var.deps, actor, cap.id);
  return c.redirect(`${BASE}?done=deleted`, 303);
}

/** Agencies' capabilities: the list (any member), and the focal points' and secretariat's forms. */
export const capabilityPages = pageGroup([
  ["GET", BASE, capabilityList],
  ["GET", `${BASE}/new`, newCapabilityForm],
  ["POST", `${BASE}/new`, submitNewCapability],
  ["GET", `${BASE}/:id/edit`, editCapabilityForm],
  ["POST", `${BASE}/:id/edit`, saveCapability],
  ["GET", `${BASE}/:id/delete`, confirmCapabilityDeletion],
  ["POST", `${BASE}/:id/delete`, deleteConfirmedCapability],
]);
