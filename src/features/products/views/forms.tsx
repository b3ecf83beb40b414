import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, val } from "../../../kit/forms.js";
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Field,
  labelOptions,
  Select,
  TextArea,
} from "../../../web/components.js";
import type { Agency } from "../products.queries.js";
import { productKindLabels, silenceLabels } from "../products.schemas.js";

/** Submitted or stored values of a form, as the form shows them. */

/** Agencies as checkboxes, with the field's error tied to the group. */
export function AgencyChecklist(p: {
  name: string;
  legend: string;
  hint?: string;
  agencies: Agency[];
  chosen: Set<string>;
  errors?: FieldErrors;
}) {
  const error = p.errors?.[p.name];
  return (
    <fieldset id={`f-${p.name}`} tabindex={-1} aria-describedby={error ? `f-${p.name}-error` : undefined}>
      <legend>{p.legend}</legend>
      {p.hint ? <p class="hint">{p.hint}</p> : null}
      {error ? (
        <p class="field-error" id={`f-${p.name}-error`}>
          {error}
        </p>
      ) : null}
      <div class="checkbox-columns">
        {p.agencies.map((a) => (
          <Checkbox
            name={p.name}
            value={a.acronym}
            label={a.acronym}
            checked={p.chosen.has(a.acronym.toUpperCase())}
          />
        ))}
      </div>
    </fieldset>
  );
}

const chosenOf = (v: FormValues, k: string) =>
  new Set([v[k] ?? []].flat().map((s) => String(s).toUpperCase()));

/** The product form: title, address, kind, lead group and participating agencies. */
export function ProductForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  groups: Array<{ slug: string; name: string }>;
  agencies: Agency[];
  submitLabel: string;
  cancel: string;
}) {
  const v = p.values;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field name="title" label="Title" value={val(v, "title")} errors={p.errors} required />
      <Field
        name="slug"
        label="Address"
        value={val(v, "slug")}
        errors={p.errors}
        hint="Lower-case words joined by hyphens; made from the title when left empty."
      />
      <Select
        name="kind"
        label="Kind"
        value={val(v, "kind")}
        options={labelOptions(productKindLabels)}
        emptyLabel="Choose…"
        errors={p.errors}
        required
      />
      <Select
        name="leadGroup"
        label="Lead working group"
        value={val(v, "leadGroup")}
        options={p.groups.map((g) => ({ value: g.slug, label: g.name }))}
        emptyLabel="Choose…"
        errors={p.errors}
        hint="Its chairs edit the product with the secretariat."
        required
      />
      <AgencyChecklist
        name="agencies"
        legend="Participating agencies"
        hint="Participation is optional; only these agencies comment and take positions."
        agencies={p.agencies}
        chosen={chosenOf(v, "agencies")}
        errors={p.errors}
      />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submitLabel}
        </button>
        <a href={p.cancel}>Cancel</a>
      </p>
    </form>
  );
}

/** The form that opens a review round. */
export function RoundForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  versions: number[];
  agencies: Agency[];
  cancel: string;
}) {
  const v = p.values;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Select
        name="version"
        label="Version under review"
        value={val(v, "version")}
        options={p.versions.map((n) => ({ value: String(n), label: `Version ${n}` }))}
        errors={p.errors}
        required
      />
      <Field
        name="deadline"
        label="Deadline (date and time)"
        type="datetime-local"
        value={val(v, "deadline")}
        errors={p.errors}
        hint="Local time in the time zone below; the round closes by itself then."
        required
      />
      <Field
        name="timeZone"
        label="Time zone"
        value={val(v, "timeZone") || "UTC"}
        errors={p.errors}
        hint="For example UTC, Europe/Paris or America/New_York."
        required
      />
      <AgencyChecklist
        name="agencies"
        legend="Participating agencies"
        hint="By default the product's agencies."
        agencies={p.agencies}
        chosen={chosenOf(v, "agencies")}
        errors={p.errors}
      />
      <Select
        name="silenceMeans"
        label="What silence means"
        value={val(v, "silenceMeans") || "abstain"}
        options={labelOptions(silenceLabels)}
        errors={p.errors}
        hint="The position counted for an agency that gives none by the deadline."
        required
      />
      <Select
        name="hidePositions"
        label="Positions"
        value={val(v, "hidePositions") || "hidden"}
        options={[
          { value: "hidden", label: "Hidden from other agencies until the round closes" },
          { value: "visible", label: "Visible to all members as they are given" },
        ]}
        errors={p.errors}
        required
      />
      <p class="form-actions">
        <button class="button" type="submit">
          Open the round
        </button>
        <a href={p.cancel}>Cancel</a>
      </p>
    </form>
  );
}

/** The version form: the Markdown text and a note on what changed. */
export function VersionForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  cancel: string;
}) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <TextArea
        name="body"
        label="Text (Markdown)"
        value={val(p.values, "body")}
        errors={p.errors}
        rows={24}
        hint="Headings (#, ##, ###) become the numbered sections that comments point to."
        required
      />
      <TextArea name="note" label="What changed" value={val(p.values, "note")} errors={p.errors} rows={3} />
      <p class="form-actions">
        <button class="button" type="submit">
          Save as a new version
        </button>
        <a href={p.cancel}>Cancel</a>
      </p>
    </form>
  );
}
