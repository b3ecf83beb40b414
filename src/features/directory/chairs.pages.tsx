import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { chairTerms } from "../../db/schema/index.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { type FormValues, val } from "../../kit/forms.js";
import {
  ConfirmForm,
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Select,
  Tag,
} from "../../web/components.js";
import { formatPartialDate, partialDateInput } from "../../web/format.js";
import { DataTable } from "../../web/table.js";
import { createChairTerm, deleteChairTerm, updateChairTerm } from "./chairs.service.js";
import { canManageDirectory } from "./directory.policy.js";
import { listChairTerms, listOrganisations } from "./directory.queries.js";
import { certainties } from "./directory.schemas.js";

const onlySecretariat = "Only the secretariat manages chair terms.";
const notices: Record<string, string> = {
  added: "The chair term was added.",
  saved: "The chair term was saved.",
  deleted: "The chair term was deleted.",
};

async function ChairForm(
  c: AppContext,
  p: {
    action: string;
    values: FormValues;
    errors?: Record<string, string>;
    message?: string;
    submit: string;
  },
) {
  const orgs = await listOrganisations(c.var.deps.db);
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={c.var.csrfToken()} />
      <Select
        name="organisation"
        label="Chairing agency"
        value={val(p.values, "organisation")}
        errors={p.errors}
        required
        emptyLabel="Choose…"
        options={orgs.map((o) => ({ value: o.acronym, label: `${o.acronym} · ${o.name}` }))}
      />
      <Field
        name="from"
        label="From"
        value={val(p.values, "from")}
        errors={p.errors}
        required
        hint="YYYY, YYYY-MM or YYYY-MM-DD"
      />
      <Field
        name="to"
        label="To"
        value={val(p.values, "to")}
        errors={p.errors}
        hint="Leave empty for the current term."
      />
      <Field name="person" label="Person chairing" value={val(p.values, "person")} errors={p.errors} />
      <Select
        name="certainty"
        label="Certainty"
        value={val(p.values, "certainty") || "confirmed"}
        errors={p.errors}
        required
        options={certainties.map((x) => ({ value: x, label: x }))}
      />
      <Field name="note" label="Evidence" value={val(p.values, "note")} errors={p.errors} />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submit}
        </button>
        <a href="/private/chairs">Cancel</a>
      </p>
    </form>
  );
}

/** The secretariat's record of chair terms. */
export function chairAdminPages() {
  const app = new Hono<AppEnv>();
  const guard = personAllowedBy(canManageDirectory, onlySecretariat);
  const loadTerm = async (c: AppContext) => {
    const [term] = await c.var.deps.db
      .select()
      .from(chairTerms)
      .where(eq(chairTerms.id, idParam(c.req.param("id"))));
    if (!term) throw notFound("The chair term");
    return term;
  };

  const listPage = async (
    c: AppContext,
    values: FormValues = {},
    errors?: Record<string, string>,
    message?: string,
  ) => {
    const terms = await listChairTerms(c.var.deps.db);
    const form = await ChairForm(c, {
      action: "/private/chairs",
      values,
      errors,
      message,
      submit: "Add chair term",
    });
    return renderPrivate(c, {
      title: "Chair terms",
      body: () => (
        <>
          <PageHeader
            title="Chair terms"
            lead="Which agency chaired the forum when. Mark inferred terms as uncertain."
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <DataTable
            label="Chair terms"
            rows={[...terms].reverse()}
            columns={[
              {
                heading: "Agency",
                cell: ({ term, acronym }) => (
                  <>
                    {acronym}
                    {term.person ? <span class="muted"> · {term.person}</span> : null}
                  </>
                ),
              },
              { heading: "From", cell: ({ term }) => formatPartialDate(term.startsOn, term.startPrecision) },
              {
                heading: "To",
                cell: ({ term }) =>
                  term.endsOn && term.endPrecision
                    ? formatPartialDate(term.endsOn, term.endPrecision)
                    : "present",
              },
              {
                heading: "Certainty",
                cell: ({ term }) => (
                  <Tag tone={term.certainty === "confirmed" ? "ok" : "warn"}>{term.certainty}</Tag>
                ),
              },
              {
                heading: "Actions",
                headingHidden: true,
                class: "actions",
                cell: ({ term }) => (
                  <>
                    <a href={`/private/chairs/${term.id}/edit`}>Edit</a>{" "}
                    <a href={`/private/chairs/${term.id}/delete`}>Delete</a>
                  </>
                ),
              },
            ]}
          />
          <h2>Add a chair term</h2>
          {form}
        </>
      ),
    });
  };

  app.get("/private/chairs", async (c) => {
    guard(c);
    return listPage(c);
  });

  app.post("/private/chairs", async (c) => {
    const actor = guard(c);
    return handleForm(
      c,
      async (body) => {
        await createChairTerm(c.var.deps, actor, body);
        return "/private/chairs?done=added";
      },
      (values, errors, message) => listPage(c, values, errors, message),
    );
  });

  const editPage = async (
    c: AppContext,
    id: number,
    values: FormValues,
    errors?: Record<string, string>,
    message?: string,
  ) => {
    const form = await ChairForm(c, {
      action: `/private/chairs/${id}/edit`,
      values,
      errors,
      message,
      submit: "Save changes",
    });
    return renderPrivate(c, {
      title: "Edit chair term",
      body: () => (
        <>
          <PageHeader title="Edit chair term" />
          {form}
        </>
      ),
    });
  };

  app.get("/private/chairs/:id/edit", async (c) => {
    guard(c);
    const term = await loadTerm(c);
    const terms = await listChairTerms(c.var.deps.db, term.organisationId);
    return editPage(c, term.id, {
      organisation: terms[0]?.acronym ?? "",
      from: partialDateInput(term.startsOn, term.startPrecision),
      to: term.endsOn && term.endPrecision ? partialDateInput(term.endsOn, term.endPrecision) : "",
      person: term.person ?? "",
      certainty: term.certainty,
      note: term.note ?? "",
    });
  });

  app.post("/private/chairs/:id/edit", async (c) => {
    const actor = guard(c);
    const term = await loadTerm(c);
    return handleForm(
      c,
      async (body) => {
        await updateChairTerm(c.var.deps, actor, term.id, body);
        return "/private/chairs?done=saved";
      },
      (values, errors, message) => editPage(c, term.id, values, errors, message),
    );
  });

  app.get("/private/chairs/:id/delete", async (c) => {
    guard(c);
    const term = await loadTerm(c);
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
  });

  app.post("/private/chairs/:id/delete", async (c) => {
    const actor = guard(c);
    const term = await loadTerm(c);
    await deleteChairTerm(c.var.deps, actor, term.id);
    return c.redirect("/private/chairs?done=deleted", 303);
  });

  return app;
}
