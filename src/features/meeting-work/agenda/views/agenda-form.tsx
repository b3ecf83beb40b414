import type { FieldErrors } from "../../../../http/errors.js";
import { CsrfField, ErrorSummary, Field, Select, TextArea } from "../../../../web/components.js";

export type AgendaFormValues = Record<string, string | string[] | undefined>;
const v = (values: AgendaFormValues, k: string) => [values[k] ?? ""].flat()[0] ?? "";

/** The form for an agenda item: title, time or duration, presenter agency and person, notes. */
export function AgendaForm(p: {
  action: string;
  cancel: string;
  csrf: string;
  submit: string;
  values: AgendaFormValues;
  errors?: FieldErrors;
  message?: string;
  agencies: Array<{ acronym: string; name: string }>;
  presenters: Array<{ id: number; name: string; agency: string | null }>;
}) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field name="title" label="Title" value={v(p.values, "title")} errors={p.errors} required />
      <Field
        name="startTime"
        label="Start time"
        hint="HH:MM, local time at the meeting."
        value={v(p.values, "startTime")}
        errors={p.errors}
      />
      <Field
        name="durationMinutes"
        label="Duration in minutes"
        inputmode="numeric"
        value={v(p.values, "durationMinutes")}
        errors={p.errors}
      />
      <Select
        name="presenterAgency"
        label="Presenting agency"
        value={v(p.values, "presenterAgency")}
        errors={p.errors}
        emptyLabel="None"
        options={p.agencies.map((a) => ({ value: a.acronym, label: `${a.acronym} — ${a.name}` }))}
      />
      <Select
        name="presenterPerson"
        label="Presenter"
        hint="A person of the presenting agency, when one is chosen."
        value={v(p.values, "presenterPerson")}
        errors={p.errors}
        emptyLabel="None"
        options={p.presenters.map((x) => ({
          value: String(x.id),
          label: `${x.name} (${x.agency ?? "Secretariat"})`,
        }))}
      />
      <TextArea name="notes" label="Notes" value={v(p.values, "notes")} errors={p.errors} rows={3} />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submit}
        </button>
        <a href={p.cancel}>Cancel</a>
      </p>
    </form>
  );
}
