import { roles } from "../../db/schema/index.js";
import type { AppContext } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, pageParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { findMailSuppression } from "../mail/mail.queries.js";
import { canManageDirectory, canReadPrivateArea } from "./directory.policy.js";
import {
  findOrganisationByAcronym,
  findPerson,
  listOrganisations,
  listPeople,
  type PersonRow,
} from "./directory.queries.js";
import { createPerson, updatePerson } from "./people.service.js";
import { PeopleList } from "./views/people-list.js";
import { PersonPage } from "./views/person-page.js";

const PER_PAGE = 50;
const notices: Record<string, string> = { added: "The person was added.", saved: "Your changes were saved." };

const reader = personAllowedBy(canReadPrivateArea);
const manager = personAllowedBy(canManageDirectory, "Only the secretariat can manage people.");

/** The people directory, filtered by name, agency and role, a page at a time. */
async function peopleList(c: AppContext) {
  const actor = reader(c);
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
      <PeopleList
        {...{ rows, total, page, href, manage, q, role, org, orgs }}
        pages={Math.ceil(total / PER_PAGE)}
        notice={notices[c.req.query("done") ?? ""]}
      />
    ),
  });
}

type FormPage = Omit<Parameters<typeof PersonPage>[0], "csrf" | "orgs">;

async function personForm(c: AppContext, page: FormPage) {
  const orgs = await listOrganisations(c.var.deps.db);
  return renderPrivate(c, {
    title: page.title,
    body: () => <PersonPage {...page} csrf={c.var.csrfToken()} orgs={orgs} />,
  });
}

const newPerson = { action: "/private/people/new", title: "Add a person", submit: "Add person" };

async function newPersonForm(c: AppContext) {
  manager(c);
  return personForm(c, {
    ...newPerson,
    values: { roles: ["member"], active: true, organisation: c.req.query("agency") ?? "" },
  });
}

async function submitNewPerson(c: AppContext) {
  const actor = manager(c);
  return handleForm(
    c,
    async (body) => {
      await createPerson(c.var.deps, actor, body);
      return "/private/people?done=added";
    },
    (values, errors, message) => personForm(c, { ...newPerson, values, errors, message }),
  );
}

async function loadPerson(c: AppContext) {
  const found = await findPerson(c.var.deps.db, idParam(c.req.param("id")));
  if (!found) throw notFound("The person");
  return found;
}

/** The edit form of a person, with why mail to them stopped and the links to their other pages. */
async function editPage(
  c: AppContext,
  person: PersonRow,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  const stopped = await findMailSuppression(c.var.deps.db, person.email);
  return personForm(c, {
    action: `/private/people/${person.id}/edit`,
    title: `Edit ${person.name}`,
    submit: "Save changes",
    values,
    errors,
    message,
    mailStopped: stopped ? { reason: stopped.reason, since: stopped.createdAt } : null,
    personId: person.id,
  });
}

async function editPersonForm(c: AppContext) {
  manager(c);
  const { person, acronym } = await loadPerson(c);
  return editPage(c, person, {
    name: person.name,
    email: person.email,
    organisation: acronym ?? "",
    roles: person.roles,
    jobTitle: person.jobTitle ?? "",
    active: person.active,
  });
}

async function savePerson(c: AppContext) {
  const actor = manager(c);
  const { person } = await loadPerson(c);
  return handleForm(
    c,
    async (body) => {
      await updatePerson(c.var.deps, actor, person.id, body);
      return "/private/people?done=saved";
    },
    (values, errors, message) => editPage(c, person, values, errors, message),
  );
}

/** The people directory of the private area, and the secretariat's forms for people. */
export const peopleAdminPages = pageGroup([
  ["GET", "/private/people", peopleList],
  ["GET", "/private/people/new", newPersonForm],
  ["POST", "/private/people/new", submitNewPerson],
  ["GET", "/private/people/:id/edit", editPersonForm],
  ["POST", "/private/people/:id/edit", savePerson],
]);
