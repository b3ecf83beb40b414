import { assessmentStatuses } from "../../../../db/schema/index.js";
import type { FieldErrors } from "../../../../http/errors.js";
import { type FormValues, isOn, val } from "../../../../kit/forms.js";
import { Checkbox, CsrfField, ErrorSummary, Field, Select, TextArea } from "../../../../web/components.js";
import { assessmentStatusLabels } from "../assessments.schemas.js";

export type AssessmentChoices = {
  agencies: Array<{ id: number; acronym: string; name: string }>;
  technologies: Array<{ id: number; code: string; title: string }>;
  publications: Array<{ id: number; title: string }>;
};

/** A group of checkboxes with one legend and one error, for a list of ids. */
function CheckboxGroup(p: {
  name: string;
  legend: string;
  hint: string;
  options: Array<{ id: number; label: string; title?: string }>;
  chosen: Set<string>;
  errors?: FieldErrors;
}) {
  const error = p.errors?.[p.name];
  return (
    <fieldset id={`f-${p.name}`} tabindex={-1} aria-describedby={error ? `f-${p.name}-error` : undefined}>
      <legend>{p.legend}</legend>
      <p class="hint">{p.hint}</p>
      {error ? (
        <p class="field-error" id={`f-${p.name}-error`}>
          {error}
        </p>
      ) : null}
      {p.options.length === 0 ? <p class="muted">None to choose from yet.</p> : null}
      <div class="checkbox-columns">
        {p.options.map((o) => (
          <div class="checkbox">
            <input
              id={`f-${p.name}-${o.id}`}
              type="checkbox"
              name={p.name}
              value={String(o.id)}
              checked={p.chosen.has(String(o.id))}
            />
            <label for={`f-${p.name}-${o.id}`}>
              {o.title ? <abbr title={o.title}>{o.label}</abbr> : o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

const chosen = (v: FormValues, k: string) => new Set([v[k] ?? []].flat().map(String));

/** The secretariat's form for a gap assessment report. */
export function AssessmentForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  choices: AssessmentChoices;
  errors?: FieldErrors;
  message?: string;
  submitLabel: string;
}) {
  const { values: v, errors } = p;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field name="title" label="Title" value={val(v, "title")} errors={errors} required />
      <Field
        name="slug"
        label="Address"
        value={val(v, "slug")}
        errors={errors}
        required
        hint="The last part of its public address, /technology/assessments/…: lower-case words joined by hyphens."
      />
      <Select
        name="status"
        label="Status"
        value={val(v, "status")}
        errors={errors}
        required
        emptyLabel="Choose…"
        options={assessmentStatuses.map((s) => ({ value: s, label: assessmentStatusLabels[s] }))}
      />
      <Field
        name="startedOn"
        label="Started"
        value={val(v, "startedOn")}
        errors={errors}
        hint="A year (2023), a month (2023-06) or a day."
      />
      <Field
        name="endedOn"
        label="Finished"
        value={val(v, "endedOn")}
        errors={errors}
        hint="Leave empty while it runs."
      />
      <TextArea
        name="scope"
        label="Scope"
        value={val(v, "scope")}
        errors={errors}
        rows={4}
        hint="Markdown."
      />
      <TextArea
        name="findings"
        label="Findings"
        value={val(v, "findings")}
        errors={errors}
        rows={6}
        hint="Markdown."
      />
      <TextArea
        name="recommendations"
        label="Recommendations"
        value={val(v, "recommendations")}
        errors={errors}
        rows={4}
        hint="Markdown."
      />
      <CheckboxGroup
        name="agencies"
        legend="Team agencies"
        hint="The member agencies that took part."
        options={p.choices.agencies.map((a) => ({ id: a.id, label: a.acronym, title: a.name }))}
        chosen={chosen(v, "agencies")}
        errors={errors}
      />
      <CheckboxGroup
        name="technologies"
        legend="Technologies covered"
        hint="Entries of the Critical Technology List the report covers."
        options={p.choices.technologies.map((t) => ({ id: t.id, label: t.code, title: t.title }))}
        chosen={chosen(v, "technologies")}
        errors={errors}
      />
      <Select
        name="publication"
        label="Published report"
        value={val(v, "publication")}
        errors={errors}
        emptyLabel="None yet"
        hint="The publication that holds the report's PDF; required once the assessment is published."
        options={p.choices.publications.map((x) => ({ value: String(x.id), label: x.title }))}
      />
      <Checkbox name="uncertain" label="Parts of this record are uncertain" checked={isOn(v, "uncertain")} />
      <TextArea
        name="uncertainNote"
        label="What is uncertain"
        value={val(v, "uncertainNote")}
        errors={errors}
        rows={2}
      />
      <div class="form-actions">
        <button type="submit" class="button">
          {p.submitLabel}
        </button>
        <a href="/private/technology/assessments">Cancel</a>
      </div>
    </form>
  );
}
