import { roles } from "../../../db/schema/index.js";
import { roleLabels } from "../../../http/actor.js";
import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, isOn, val } from "../../../kit/forms.js";
import { Checkbox, CsrfField, ErrorSummary, Field, Select } from "../../../web/components.js";
import type { Organisation } from "../directory.queries.js";

const roleHints = {
  member: "reads the private area, comments on drafts",
  focal_point: "speaks for the agency: edits its plans, capabilities and positions",
  chair: "chairs a working group",
  secretariat: "runs the forum: manages everything",
};

/** The secretariat's form for a person. */
export function PersonForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  orgs: Organisation[];
  errors?: FieldErrors;
  message?: string;
  submitLabel: string;
}) {
  const { values, errors } = p;
  const chosen = new Set([values.roles ?? []].flat().map(String));
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field
        name="name"
        label="Name"
        value={val(values, "name")}
        errors={errors}
        required
        autocomplete="off"
      />
      <Field
        name="email"
        label="E-mail address"
        type="email"
        value={val(values, "email")}
        errors={errors}
        required
        autocomplete="off"
      />
      <Select
        name="organisation"
        label="Member organisation"
        value={val(values, "organisation")}
        errors={errors}
        emptyLabel="None (secretariat staff only)"
        hint="Everyone except secretariat staff represents a member organisation."
        options={p.orgs
          .filter((o) => !o.leftOn)
          .map((o) => ({ value: o.acronym, label: `${o.acronym} · ${o.name}` }))}
      />
      <Field name="jobTitle" label="Job title" value={val(values, "jobTitle")} errors={errors} />
      <fieldset class={errors?.roles ? "has-error" : undefined} id="f-roles">
        <legend>Roles</legend>
        {errors?.roles ? <p class="field-error">{errors.roles}</p> : null}
        {roles.map((r) => (
          <Checkbox
            name="roles"
            value={r}
            label={roleLabels[r]}
            hint={`— ${roleHints[r]}`}
            checked={chosen.has(r)}
          />
        ))}
      </fieldset>
      <Checkbox
        name="active"
        label="Active (may sign in and receives mail)"
        checked={isOn(values, "active")}
      />
      <Field
        name="password"
        label="Set a password"
        type="password"
        errors={errors}
        autocomplete="new-password"
        hint="At least 12 characters. Leave empty to keep the current one. Setting it signs the person out everywhere."
      />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submitLabel}
        </button>
        <a href="/private/people">Cancel</a>
      </p>
    </form>
  );
}
