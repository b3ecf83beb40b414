import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { mailSuppressions, roles } from "../../db/schema/index.js";
import { roleLabels } from "../../http/actor.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, idParam, pageParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import type { FormValues } from "../../kit/forms.js";
import { EmptyState, Notice, PageHeader, Pagination, Tag } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { DataTable } from "../../web/table.js";
import { canManageDirectory, canReadPrivateArea } from "./directory.policy.js";
import { findOrganisationByAcronym, findPerson, listOrganisations, listPeople } from "./directory.queries.js";
import { createPerson, updatePerson } from "./people.service.js";
import { PersonForm } from "./views/person-form.js";

const PER_PAGE = 50;
const notices: Record<string, string> = { added: "The person was added.", saved: "Your changes were saved." };
const manageOnly = "Only the secretariat can manage people.";

/** The people directory of the private area, and the secretariat's forms for people. */
export function peopleAdminPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/people", async (c) => {
    const actor = requirePerson(c);
    authorize(canReadPrivateArea(actor));
    const db = c.var.deps.db;
    const q = (c.req.query("q") ?? "").trim().slice(0, 100);
    const role = roles.find((r) => r === c.req.query("role"));
    const agency = c.req.query("agency") ?? "";
    const org = agency ? await findOrganisationByAcronym(db, agency) : undefined;
    const page = pageParam(c.req.query("page"));
    const manage = canManageDirectory(actor);
    const { rows, total } = await listPeople(
      db,
      { q, role, organisationId: org?.id, includeInactive: manage },
      page,
      PER_PAGE,
    );
    const orgs = await listOrganisations(db);
    const href = (p: number) =>
      `/private/people?${new URLSearchParams({ q, role: role ?? "", agency, page: String(p) })}`;
    return renderPrivate(c, {
      title: "People",
      body: () => (
        <>
          <PageHeader
            title="People"
            lead={`${total} ${total === 1 ? "person" : "people"} found.`}
            actions={
              manage ? (
                <a class="button" href="/private/people/new">
                  Add a person
                </a>
              ) : undefined
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <form method="get" action="/private/people" class="filters">
            <label>
              Name or e-mail <input type="search" name="q" value={q} />
            </label>
            <label>
              Organisation
              <select name="agency">
                <option value="">All</option>
                {orgs.map((o) => (
                  <option value={o.acronym} selected={o.id === org?.id}>
                    {o.acronym}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Role
              <select name="role">
                <option value="">All</option>
                {roles.map((r) => (
                  <option value={r} selected={r === role}>
                    {roleLabels[r]}
                  </option>
                ))}
              </select>
            </label>
            <button class="button button-quiet" type="submit">
              Filter
            </button>
          </form>
          <DataTable
            label="People"
            rows={rows}
            empty={
              <EmptyState title="Nobody matches these filters.">
                {manage ? <a href="/private/people/new">Add a person</a> : "Try other filters."}
              </EmptyState>
            }
            columns={[
              {
                heading: "Name",
                cell: ({ person }) => (
                  <>
                    {manage ? <a href={`/private/people/${person.id}/edit`}>{person.name}</a> : person.name}
                    {person.active ? null : (
                      <>
                        {" "}
                        <Tag tone="warn">inactive</Tag>
                      </>
                    )}
                    {person.jobTitle ? <div class="muted small">{person.jobTitle}</div> : null}
                  </>
                ),
              },
              { heading: "Organisation", cell: ({ acronym }) => acronym ?? "Secretariat" },
              {
                heading: "E-mail",
                cell: ({ person }) => <a href={`mailto:${person.email}`}>{person.email}</a>,
              },
              { heading: "Roles", cell: ({ person }) => person.roles.map((r) => roleLabels[r]).join(", ") },
            ]}
          />
          <Pagination page={page} pages={Math.ceil(total / PER_PAGE)} href={href} />
        </>
      ),
    });
  });

  const form = async (
    c: AppContext,
    opts: {
      action: string;
      title: string;
      submit: string;
      values: FormValues;
      errors?: Record<string, string>;
      message?: string;
      /** Mail to this person's address stopped after a permanent failure, and why. */
      mailStopped?: { reason: string; since: Date } | null;
      /** Set on an existing person's page: links to their personal data requests. */
      personId?: number;
    },
  ) => {
    const orgs = await listOrganisations(c.var.deps.db);
    return renderPrivate(c, {
      title: opts.title,
      body: () => (
        <>
          <PageHeader title={opts.title} />
          {opts.mailStopped ? (
            <p class="callout" role="status">
              <strong>No mail is sent to this address</strong> since {formatTimestamp(opts.mailStopped.since)}
              : the receiving server refused it permanently ({opts.mailStopped.reason}). Correct the address
              to resume mail.
            </p>
          ) : null}
          <PersonForm
            action={opts.action}
            csrf={c.var.csrfToken()}
            values={opts.values}
            orgs={orgs}
            errors={opts.errors}
            message={opts.message}
            submitLabel={opts.submit}
          />
          {opts.personId ? (
            <p>
              <a href={`/private/people/${opts.personId}/privacy`}>Personal data: export or erase</a> ·{" "}
              <a href={`/private/people/${opts.personId}/sessions/end`}>End every session…</a> ·{" "}
              <a href={`/private/people/${opts.personId}/two-factor/reset`}>Reset two-factor sign-in…</a>
            </p>
          ) : null}
        </>
      ),
    });
  };
  const newOpts = { action: "/private/people/new", title: "Add a person", submit: "Add person" };

  app.get("/private/people/new", async (c) => {
    authorize(canManageDirectory(requirePerson(c)), manageOnly);
    return form(c, {
      ...newOpts,
      values: { roles: ["member"], active: true, organisation: c.req.query("agency") ?? "" },
    });
  });

  app.post("/private/people/new", async (c) => {
    const actor = requirePerson(c);
    authorize(canManageDirectory(actor), manageOnly);
    return handleForm(
      c,
      async (body) => {
        await createPerson(c.var.deps, actor, body);
        return "/private/people?done=added";
      },
      (values, errors, message) => form(c, { ...newOpts, values, errors, message }),
    );
  });

  const loadPerson = async (c: AppContext) => {
    const found = await findPerson(c.var.deps.db, idParam(c.req.param("id")));
    if (!found) throw notFound("The person");
    return found;
  };

  app.get("/private/people/:id/edit", async (c) => {
    authorize(canManageDirectory(requirePerson(c)), manageOnly);
    const { person, acronym } = await loadPerson(c);
    const values: FormValues = {
      name: person.name,
      email: person.email,
      organisation: acronym ?? "",
      roles: person.roles,
      jobTitle: person.jobTitle ?? "",
      active: person.active,
    };
    const [stopped] = await c.var.deps.db
      .select()
      .from(mailSuppressions)
      .where(eq(mailSuppressions.address, person.email.toLowerCase()));
    return form(c, {
      action: `/private/people/${person.id}/edit`,
      title: `Edit ${person.name}`,
      submit: "Save changes",
      values,
      mailStopped: stopped ? { reason: stopped.reason, since: stopped.createdAt } : null,
      personId: person.id,
    });
  });

  app.post("/private/people/:id/edit", async (c) => {
    const actor = requirePerson(c);
    authorize(canManageDirectory(actor), manageOnly);
    const { person } = await loadPerson(c);
    return handleForm(
      c,
      async (body) => {
        await updatePerson(c.var.deps, actor, person.id, body);
        return "/private/people?done=saved";
      },
      (values, errors, message) =>
        form(c, {
          action: `/private/people/${person.id}/edit`,
          title: `Edit ${person.name}`,
          submit: "Save changes",
          values,
          errors,
          message,
        }),
    );
  });

  return app;
}
