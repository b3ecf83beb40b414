import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import type { FormValues } from "../../kit/forms.js";
import { Notice, PageHeader, Tag } from "../../web/components.js";
import { partialDateInput } from "../../web/format.js";
import { DataTable } from "../../web/table.js";
import { canEditAgencyProfile, canManageDirectory, canReadPrivateArea } from "./directory.policy.js";
import { findOrganisationBySlug, listOrganisations, type Organisation } from "./directory.queries.js";
import { createOrganisation, updateAgencyProfile, updateOrganisation } from "./organisations.service.js";
import { OrganisationForm, ProfileForm } from "./views/organisation-form.js";

const notices: Record<string, string> = {
  added: "The organisation was added.",
  saved: "Your changes were saved.",
};

const formValues = (o: Organisation): FormValues => ({
  ...Object.fromEntries(
    Object.entries(o).map(([k, x]) => [k, typeof x === "boolean" ? x : x == null ? "" : String(x)]),
  ),
  joined: partialDateInput(o.joinedOn, o.joinedPrecision),
});

async function loadOrg(c: AppContext) {
  const org = await findOrganisationBySlug(c.var.deps.db, c.req.param("slug") ?? "");
  if (!org) throw notFound("The organisation");
  return org;
}

/** The private area's organisation management: list, add, edit, and a focal point's own profile. */
export function organisationAdminPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/members", async (c) => {
    const actor = requirePerson(c);
    authorize(canReadPrivateArea(actor));
    const orgs = await listOrganisations(c.var.deps.db);
    const manage = canManageDirectory(actor);
    return renderPrivate(c, {
      title: "Organisations",
      body: () => (
        <>
          <PageHeader
            title="Member organisations"
            lead={`${orgs.filter((o) => !o.leftOn).length} current members.`}
            actions={
              manage ? (
                <a class="button" href="/private/members/new">
                  Add an organisation
                </a>
              ) : undefined
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <DataTable
            label="Organisations"
            rows={orgs}
            columns={[
              { heading: "Acronym", cell: (o) => <a href={`/members/${o.slug}`}>{o.acronym}</a> },
              {
                heading: "Name",
                cell: (o) => (
                  <>
                    {o.name}
                    {canEditAgencyProfile(actor, o.id) ? (
                      <div class="small">
                        <a href={`/private/members/${o.slug}/edit`}>
                          Edit<span class="visually-hidden"> {o.acronym}</span>
                        </a>
                        {manage ? (
                          <>
                            {" · "}
                            <a href={`/private/members/${o.slug}/sso`}>
                              Single sign-on<span class="visually-hidden"> for {o.acronym}</span>
                            </a>
                          </>
                        ) : null}
                      </div>
                    ) : null}
                  </>
                ),
              },
              { heading: "Country", cell: (o) => o.country },
              {
                heading: "Status",
                cell: (o) =>
                  o.leftOn ? <Tag tone="warn">left {o.leftOn.slice(0, 4)}</Tag> : <Tag tone="ok">member</Tag>,
              },
            ]}
          />
        </>
      ),
    });
  });

  const newForm = (c: AppContext, values: FormValues, errors?: Record<string, string>, message?: string) =>
    renderPrivate(c, {
      title: "Add an organisation",
      body: () => (
        <>
          <PageHeader title="Add a member organisation" />
          <OrganisationForm
            action="/private/members/new"
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            submitLabel="Add organisation"
          />
        </>
      ),
    });

  app.get("/private/members/new", async (c) => {
    authorize(canManageDirectory(requirePerson(c)), "Only the secretariat can add member organisations.");
    return newForm(c, { kind: "space_agency" });
  });

  app.post("/private/members/new", async (c) => {
    const actor = requirePerson(c);
    authorize(canManageDirectory(actor), "Only the secretariat can add member organisations.");
    return handleForm(
      c,
      async (body) =>
        `/private/members?done=added&slug=${(await createOrganisation(c.var.deps, actor, body)).slug}`,
      (body, errors, message) => newForm(c, body, errors, message),
    );
  });

  const editForm = (
    c: AppContext,
    org: Organisation,
    values: FormValues,
    errors?: Record<string, string>,
    message?: string,
  ) => {
    const full = canManageDirectory(c.var.actor);
    const action = `/private/members/${org.slug}/edit`;
    return renderPrivate(c, {
      title: `Edit ${org.acronym}`,
      body: () => (
        <>
          <PageHeader title={full ? `Edit ${org.acronym}` : `${org.acronym}: public profile`} />
          {full ? (
            <OrganisationForm
              action={action}
              csrf={c.var.csrfToken()}
              values={values}
              errors={errors}
              message={message}
              submitLabel="Save changes"
            />
          ) : (
            <ProfileForm
              action={action}
              csrf={c.var.csrfToken()}
              values={values}
              errors={errors}
              message={message}
            />
          )}
        </>
      ),
    });
  };

  app.get("/private/members/:slug/edit", async (c) => {
    const actor = requirePerson(c);
    const org = await loadOrg(c);
    authorize(
      canEditAgencyProfile(actor, org.id),
      "Only this agency's focal points and the secretariat can change it.",
    );
    return editForm(c, org, formValues(org));
  });

  app.post("/private/members/:slug/edit", async (c) => {
    const actor = requirePerson(c);
    const org = await loadOrg(c);
    authorize(
      canEditAgencyProfile(actor, org.id),
      "Only this agency's focal points and the secretariat can change it.",
    );
    const save = canManageDirectory(actor) ? updateOrganisation : updateAgencyProfile;
    return handleForm(
      c,
      async (body) => {
        await save(c.var.deps, actor, org.slug, body);
        return "/private/members?done=saved";
      },
      (body, errors, message) => editForm(c, org, body, errors, message),
    );
  });

  return app;
}
