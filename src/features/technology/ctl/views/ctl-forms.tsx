import { destinations } from "../../../../db/schema/index.js";
import type { FieldErrors } from "../../../../http/errors.js";
import { Checkbox, CsrfField, ErrorSummary, Field, Select, TextArea } from "../../../../web/components.js";
import { destinationLabels } from "../../../roadmap/roadmap.schemas.js";
import type { AreaRow } from "../../technology.queries.js";

/** What a form shows: the submitted values (or the record's), by field name. */
export type FormValues = Record<string, unknown>;

/** One value of a form as text (arrays one item per line). */
export const val = (v: FormValues, key: string): string => {
  const x = v[key];
  if (x == null) return "";
  return Array.isArray(x) ? x.map(String).join("\n") : String(x);
};
const list = (v: FormValues, key: string): string[] => [v[key] ?? []].flat().map(String);
const checked = (v: FormValues, key: string) => v[key] === true || v[key] === "on" || v[key] === "true";

type FormProps = {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  submit: string;
  cancel: string;
};

/** The secretariat's form for an area of the list. */
export function AreaForm(p: FormProps) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <CsrfField token={p.csrf} />
      <ErrorSummary errors={p.errors} message={p.message} />
      <Field
        name="code"
        label="Code"
        hint="The stable code of the controlled vocabulary: 2 to 10 capital letters or digits, starting with a letter (PROP, CFM, GNC)."
        value={val(p.values, "code")}
        errors={p.errors}
        required
      />
      <Field name="name" label="Name" value={val(p.values, "name")} errors={p.errors} required />
      <TextArea
        name="description"
        label="Description"
        value={val(p.values, "description")}
        errors={p.errors}
      />
      <Field
        name="position"
        label="Position in the list"
        hint="Areas are listed by this number, then by code."
        inputmode="numeric"
        value={val(p.values, "position") || "0"}
        errors={p.errors}
      />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submit}
        </button>
        <a href={p.cancel}>Cancel</a>
      </p>
    </form>
  );
}

/** The secretariat's form for a technology of the list. */
export function TechnologyForm(p: FormProps & { areas: AreaRow[] }) {
  const chosen = list(p.values, "destinations");
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <CsrfField token={p.csrf} />
      <ErrorSummary errors={p.errors} message={p.message} />
      <Field
        name="code"
        label="Code"
        hint="2 to 6 capital letters, a hyphen and 3 or 4 digits, e.g. GER-019. Codes are unique."
        value={val(p.values, "code")}
        errors={p.errors}
        required
      />
      <Select
        name="area"
        label="Area"
        value={val(p.values, "area")}
        options={p.areas.map((a) => ({ value: a.code, label: `${a.code} — ${a.name}` }))}
        emptyLabel="Choose an area"
        errors={p.errors}
        required
      />
      <Field name="title" label="Title" value={val(p.values, "title")} errors={p.errors} required />
      <TextArea
        name="description"
        label="Description"
        value={val(p.values, "description")}
        errors={p.errors}
      />
      <fieldset class={p.errors?.destinations ? "field has-error" : "field"} id="f-destinations">
        <legend>Destinations that need it</legend>
        {p.errors?.destinations ? <p class="field-error">{p.errors.destinations}</p> : null}
        <div class="checkbox-columns">
          {destinations.map((d) => (
            <Checkbox
              name="destinations"
              value={d}
              label={destinationLabels[d]}
              checked={chosen.includes(d)}
            />
          ))}
        </div>
      </fieldset>
      <Checkbox
        name="uncertain"
        label="Uncertain"
        hint="Tick when the entry is not confirmed by a source."
        checked={checked(p.values, "uncertain")}
      />
      <TextArea
        name="uncertainNote"
        label="What is uncertain"
        rows={2}
        value={val(p.values, "uncertainNote")}
        errors={p.errors}
      />
      <TextArea
        name="sources"
        label="Sources"
        hint="One web address per line."
        rows={3}
        value={val(p.values, "sources")}
        errors={p.errors}
      />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submit}
        </button>
        <a href={p.cancel}>Cancel</a>
      </p>
    </form>
  );
}
