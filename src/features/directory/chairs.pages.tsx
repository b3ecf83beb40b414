import type { AppContext } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { formatPartialDate, partialDateInput } from "../../web/format.js";
import { createChairTerm, deleteChairTerm, updateChairTerm } from "./chairs.service.js";
import { canManageDirectory } from "./directory.policy.js";
import { findChairTerm, listChairTerms, listOrganisations } from "./directory.queries.js";
import { ChairForm, ChairTermList } from "./views/chair-terms.js";

const notices: Record<string, string> = {
  added: "The chair term was added.",
  saved: "The chair term was saved.",
  deleted: "The chair term was deleted.",
};

const secretariat = personAllowedBy(canManageDirectory, "Only the secretariat manages chair terms.");

/** The chair term the address names, for the secretariat. */
async function loadTerm(c: AppContext) {
  secretariat(c);
  const found = await findChairTerm(c.var.deps.db, idParam(c.req.param("id")));
  if (!found) throw notFound("The chair term");
  return found;
}

type Typed = { values: FormValues; errors?: FieldErrors; message?: string };

/** The terms with the add form below: empty, or with what was typed and what was wrong. */
async function termList(c: AppContext, typed: Typed = { values: {} }) {
  const [terms, agencies] = await Promise.all([
    listChairTerms(c.var.deps.db),
    listOrganisations(c.var.deps.db),
  ]);
  return renderPrivate(c, {
    title: "Chair terms",
    body: () => (
      <ChairTermList terms={terms} notice={notices[c.req.query("done") ?? ""]}>
        <ChairForm
          action="/private/chairs"
          submit="Add chair term"
          agencies={agencies}
          csrf={c.var.csrfToken()}
          {...typed}
        />
      </ChairTermList>
    ),
  });
}

async function chairTerms(c: AppContext) {
  secretariat(c);
  return termList(c);
}

async function submitNewTerm(c: AppContext) {
  const actor = secretariat(c);
  return handleForm(
    c,
    async (body) => {
      await createChairTerm(c.var.deps, actor, body);
      return "/private/chairs?done=added";
    },
    (values, errors, message) => termList(c, { values, errors, message }),
  );
}

async function editPage(c: AppContext, id: number, typed: Typed) {
  const agencies = await listOrganisations(c.var.deps.db);
  return renderPrivate(c, {
    title: "Edit chair term",
    body: () => (
      <>
        <PageHeader title="Edit chair term" />
        <ChairForm
          action={`/private/chairs/${id}/edit`}
          submit="Save changes"
          agencies={agencies}
          csrf={c.var.csrfToken()}
          {...typed}
        />
      </>
    ),
  });
}

async function editTermForm(c: AppContext) {
  const { term, acronym } = await loadTerm(c);
  return editPage(c, term.id, {
    values: {
      organisation: acronym,
      from: partialDateInput(term.startsOn, term.startPrecision),
      to: term.endsOn && term.endPrecision ? partialDateInput(term.endsOn, term.endPrecision) : "",
      person: term.person ?? "",
      certainty: term.certainty,
      note: term.note ?? "",
    },
  });
}

async function saveTerm(c: AppContext) {
  const actor = secretariat(c);
  const { term } = await loadTerm(c);
  return handleForm(
    c,
    async (body) => {
      await updateChairTerm(c.var.deps, actor, term.id, body);
      return "/private/chairs?done=saved";
    },
    (values, errors, message) => editPage(c, term.id, { values, errors, message }),
  );
}

async function confirmTermDeletion(c: AppContext) {
  const { term } = await loadTerm(c);
  return renderPrivate(c, {
    title: "Delete chair term",
    body: () => (
      <>
        <PageHeader
          title="Delete this chair term?"
          lead={`The term starting ${formatPartialDate(term.startsOn, term.startPrecision)} will be removed from the public record. The audit log keeps a copy.`}
        />
        <ConfirmForm
          action={`/private/chairs/${term.id}/delete`}
          csrf={c.var.csrfToken()}
          button="Delete chair term"
          back="/private/chairs"
        />
      </>
    ),
  });
}

async function deleteTerm(c: AppContext) {
  const actor = secretariat(c);
  const { term } = await loadTerm(c);
  await deleteChairTerm(c.var.deps, actor, term.id);
  return c.redirect("/private/chairs?done=deleted", 303);
}

/** The secretariat's record of chair terms. */
export const chairAdminPages = pageGroup([
  ["GET", "/private/chairs", chairTerms],
  ["POST", "/private/chairs", submitNewTerm],
  ["GET", "/private/chairs/:id/edit", editTermForm],
  ["POST", "/private/chairs/:id/edit", saveTerm],
  ["GET", "/private/chairs/:id/delete", confirmTermDeletion],
  ["POST", "/private/chairs/:id/delete", deleteTerm],
]);
