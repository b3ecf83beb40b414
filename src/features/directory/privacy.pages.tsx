import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { canManageDirectory } from "./directory.policy.js";
import { findPerson } from "./directory.queries.js";
import { erasePerson, exportPersonalData } from "./privacy.service.js";
import { PrivacyRequests } from "./views/privacy-requests.js";

const secretariat = personAllowedBy(
  canManageDirectory,
  "Only the secretariat handles personal data requests.",
);

/** The person the address names, for the secretariat. */
async function loadPerson(c: AppContext) {
  secretariat(c);
  const found = await findPerson(c.var.deps.db, idParam(c.req.param("id")));
  if (!found) throw notFound("The person");
  return found.person;
}

async function personalData(c: AppContext) {
  const person = await loadPerson(c);
  const erased = c.req.query("done") === "erased";
  return renderPrivate(c, {
    title: `Personal data of ${person.name}`,
    body: () => <PrivacyRequests person={person} erased={erased} />,
  });
}

async function exportData(c: AppContext) {
  const person = await loadPerson(c);
  const data = await exportPersonalData(c.var.deps, c.var.actor, person.id);
  return c.body(JSON.stringify(data, null, 2), 200, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Disposition": `attachment; filename="personal-data-${person.id}.json"`,
    "Cache-Control": "private, no-store",
  });
}

async function confirmErasure(c: AppContext) {
  const person = await loadPerson(c);
  return renderPrivate(c, {
    title: "Erase this person?",
    body: () => (
      <>
        <PageHeader
          title={`Erase ${person.name}?`}
          lead="Their name, e-mail address, job title and password are removed, their sessions, API tokens and calendar feed end, and the records they wrote are attributed to an anonymous label. This cannot be undone."
        />
        <ConfirmForm
          action={`/private/people/${person.id}/privacy/erase`}
          csrf={c.var.csrfToken()}
          button="Erase personal data"
          back={`/private/people/${person.id}/privacy`}
        />
      </>
    ),
  });
}

async function erase(c: AppContext) {
  const person = await loadPerson(c);
  await erasePerson(c.var.deps, c.var.actor, person.id);
  return c.redirect(`/private/people/${person.id}/privacy?done=erased`, 303);
}

/** The secretariat's answers to a person's data requests (GDPR): an export, and erasure. */
export const privacyPages = pageGroup([
  ["GET", "/private/people/:id/privacy", personalData],
  ["GET", "/private/people/:id/privacy/export.json", exportData],
  ["GET", "/private/people/:id/privacy/erase", confirmErasure],
  ["POST", "/private/people/:id/privacy/erase", erase],
]);
