import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { PageHeader } from "../../web/components.js";
import { partialDateInput } from "../../web/format.js";
import { canEditAgencyProfile, canManageDirectory, canReadPrivateArea } from "./directory.policy.js";
import { findOrganisationBySlug, listOrganisations, type Organisation } from "./directory.queries.js";
import { createOrganisation, updateAgencyProfile, updateOrganisation } from "./organisations.service.js";
import { OrganisationForm, ProfileForm } from "./views/organisation-form.js";
import { OrganisationList } from "./views/organisation-list.js";

const notices: Record<string, string> = {
  added: "The organisation was added.",
  saved: "Your changes were saved.",
};

const secretariat = personAllowedBy(canManageDirectory, "Only the secretariat can add member organisations.");

/** An organisation as its forms show it. */
const formValues = (o: Organisation): FormValues => ({
  ...Object.fromEntries(
    Object.entries(o).map(([k, x]) => [k, typeof x === "boolean" ? x : x == null ? "" : String(x)]),
  ),
  joined: partialDateInput(o.joinedOn, o.joinedPrecision),
});

/** The organisation the address names, if the person may edit it: its focal points and the secretariat. */
async function editableOrganisation(c: AppContext) {
  const actor = requirePerson(c);
  const org = await findOrganisationBySlug(c.var.deps.db, c.req.param("slug") ?? "");
  if (!org) throw notFound("The organisation");
  authorize(
    canEditAgencyProfile(actor, org.id),
    "Only this agency's focal points and the secretariat can change it.",
  );
  return { actor, org };
}

async function organisationList(c: AppContext) {
  const actor = requirePerson(c);
  authorize(canReadPrivateArea(actor));
  const orgs = await listOrganisations(c.var.deps.db);
  return renderPrivate(c, {
    title: "Organisations",
    body: () => (
      <OrganisationList
        orgs={orgs}
        actor={actor}
        manage={canManageDirectory(actor)}
        notice={notices[c.req.query("done") ?? ""]}
      />
    ),
  });
}

const newForm = (c: AppContext, values: FormValues, errors?: Record<string, string>, message?: string) =>
  renderPrivate(c, {
    title: "Add an organisation",
    body: () => (
      <>
        <PageHeader title="Add a member organisation" />
        <OrganisationForm
          action="/private/members/new"
          csrf={c.var.csrfToken()}
          {...{ values, errors, message }}
          submitLabel="Add organisation"
        />
      </>
    ),
  });

function newOrganisationForm(c: AppContext) {
  secretariat(c);
  return newForm(c, { kind: "space_agency" });
}

function submitNewOrganisation(c: AppContext) {
  const actor = secretariat(c);
  return handleForm(
    c,
    async (body) =>
      `/private/members?done=added&slug=${(await createOrganisation(c.var.deps, actor, body)).slug}`,
    (body, errors, message) => newForm(c, body, errors, message),
  );
}

/** The secretariat's full form, or a focal point's form of their agency's public profile. */
function editForm(
  c: AppContext,
  org: Organisation,
  values: FormValues,
  errors?: Record<string, string>,
  message?: string,
) {
  const full = canManageDirectory(c.var.actor);
  const action = `/private/members/${org.slug}/edit`;
  const csrf = c.var.csrfToken();
  return renderPrivate(c, {
    title: `Edit ${org.acronym}`,
    body: () => (
      <>
        <PageHeader title={full ? `Edit ${org.acronym}` : `${org.acronym}: public profile`} />
        {full ? (
          <OrganisationForm {...{ action, csrf, values, errors, message }} submitLabel="Save changes" />
        ) : (
          <ProfileForm {...{ action, csrf, values, errors, message }} />
        )}
      </>
    ),
  });
}

async function editOrganisationForm(c: AppContext) {
  const { org } = await editableOrganisation(c);
  return editForm(c, org, formValues(org));
}

async function saveOrganisation(c: AppContext) {
  const { actor, org } = await editableOrganisation(c);
  const save = canManageDirectory(actor) ? updateOrganisation : updateAgencyProfile;
  return handleForm(
    c,
    async (body) => {
      await save(c.var.deps, actor, org.slug, body);
      return "/private/members?done=saved";
    },
    (body, errors, message) => editForm(c, org, body, errors, message),
  );
}

/** The private area's organisation management: list, add, edit, and a focal point's own profile. */
export const organisationAdminPages = pageGroup([
  ["GET", "/private/members", organisationList],
  ["GET", "/private/members/new", newOrganisationForm],
  ["POST", "/private/members/new", submitNewOrganisation],
  ["GET", "/private/members/:slug/edit", editOrganisationForm],
  ["POST", "/private/members/:slug/edit", saveOrganisation],
]);
