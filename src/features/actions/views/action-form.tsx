import type { FieldErrors } from "../../../http/errors.js";
import { val } from "../../../kit/forms.js";
import { CsrfField, ErrorSummary, Field, labelOptions, Select, TextArea } from "../../../web/components.js";
import { actionStatusLabels } from "../actions.schemas.js";

type Choice = { value: string; label: string };
export type ActionFormValues = Record<string, string | string[] | undefined>;

/** The form that raises or edits an action. */
export function ActionForm(p: {
  action: string;
  csrf: string;
  values: ActionFormValues;
  errors?: FieldErrors;
  message?: string;
  submit: string;
  agencies: Choice[];
  people: Choice[];
  groups: Choice[];
  meetings: Choice[];
  withStatus: boolean;
}) {
  const e = p.errors;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={e} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field name="title" label="Action" value={val(p.values, "title")} errors={e} required />
      <TextArea
        name="description"
        label="Details"
        hint="Markdown."
        value={val(p.values, "description")}
        errors={e}
      />
      <Select
        name="ownerAgency"
        label="Owner agency"
        value={val(p.values, "ownerAgency")}
        errors={e}
        emptyLabel="None (a person owns it)"
        options={p.agencies}
      />
      <Select
        name="ownerPerson"
        label="Owner person"
        hint="Optional when an agency owns it; their agency's focal points may update it too."
        value={val(p.values, "ownerPerson")}
        errors={e}
        emptyLabel="Nobody in particular"
        options={p.people}
      />
      <Field
        name="due"
        label="Due on"
        type="date"
        value={val(p.values, "due")}
        errors={e}
        hint="YYYY-MM-DD"
        required
      />
      {p.withStatus ? (
        <Select
          name="status"
          label="Status"
          value={val(p.values, "status") || "open"}
          errors={e}
          options={labelOptions(actionStatusLabels)}
          required
        />
      ) : null}
      <Select
        name="group"
        label="Group"
        hint="Chairs raise actions in the groups they chair."
        value={val(p.values, "group")}
        errors={e}
        emptyLabel="Forum-wide"
        options={p.groups}
      />
      <Select
        name="meeting"
        label="Raised in meeting"
        value={val(p.values, "meeting")}
        errors={e}
        emptyLabel="Not raised in a meeting"
        options={p.meetings}
      />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submit}
        </button>
      </p>
    </form>
  );
}
