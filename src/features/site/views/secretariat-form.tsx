import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, val } from "../../../kit/forms.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader, TextArea } from "../../../web/components.js";

/** The secretariat's contact details as the secretariat edits them. */
export function SecretariatForm(p: {
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  saved: boolean;
  csrf: string;
}) {
  const { values, errors } = p;
  return (
    <>
      <PageHeader
        title="The secretariat"
        lead="Contact details shown at the foot of every page and on About."
      />
      <Notice text={p.saved ? "The secretariat's details were saved." : null} />
      <p>
        <a href="/private/settings/two-factor">Who must use two-factor sign-in</a> (by role).
      </p>
      <form method="post" action="/private/settings" class="form" novalidate>
        <ErrorSummary errors={errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <Field name="name" label="Name" value={val(values, "name")} errors={errors} required />
        <Field
          name="hostAcronym"
          label="Hosting agency (acronym)"
          value={val(values, "hostAcronym")}
          errors={errors}
        />
        <TextArea
          name="address"
          label="Postal address"
          hint="One line per line of the address."
          value={val(values, "address")}
          errors={errors}
          rows={4}
        />
        <Field
          name="email"
          label="E-mail address"
          type="email"
          value={val(values, "email")}
          errors={errors}
          required
        />
        <TextArea
          name="note"
          label="About the secretariat"
          value={val(values, "note")}
          errors={errors}
          rows={3}
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Save
          </button>
        </p>
      </form>
    </>
  );
}
