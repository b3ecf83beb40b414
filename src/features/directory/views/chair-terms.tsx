import type { Child } from "hono/jsx";
import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, val } from "../../../kit/forms.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader, Select, Tag } from "../../../web/components.js";
import { formatPartialDate } from "../../../web/format.js";
import { DataTable } from "../../../web/table.js";
import type { listChairTerms, Organisation } from "../directory.queries.js";
import { certainties } from "../directory.schemas.js";

type Term = Awaited<ReturnType<typeof listChairTerms>>[number];

/** The form that adds or edits a chair term. */
export function ChairForm(p: {
  action: string;
  submit: string;
  agencies: Pick<Organisation, "acronym" | "name">[];
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Select
        name="organisation"
        label="Chairing agency"
        value={val(p.values, "organisation")}
        errors={p.errors}
        required
        emptyLabel="Choose…"
        options={p.agencies.map((o) => ({ value: o.acronym, label: `${o.acronym} · ${o.name}` }))}
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

/** Who chaired the forum when, the latest first, with the form that adds a term below. */
export function ChairTermList(p: { terms: Term[]; notice: string | undefined; children: Child }) {
  return (
    <>
      <PageHeader
        title="Chair terms"
        lead="Which agency chaired the forum when. Mark inferred terms as uncertain."
      />
      <Notice text={p.notice} />
      <DataTable
        label="Chair terms"
        rows={[...p.terms].reverse()}
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
      {p.children}
    </>
  );
}
