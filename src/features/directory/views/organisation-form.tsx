import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, isOn, val } from "../../../kit/forms.js";
import { Checkbox, CsrfField, ErrorSummary, Field, Select, TextArea } from "../../../web/components.js";
import { kindLabels, organisationKinds } from "../directory.schemas.js";

/** The secretariat's full form for a member organisation. */
export function OrganisationForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  submitLabel: string;
}) {
  const { values, errors } = p;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <fieldset>
        <legend>Identity</legend>
        <Field
          name="acronym"
          label="Acronym"
          value={val(values, "acronym")}
          errors={errors}
          required
          hint="As the forum writes it, e.g. ESA or UAE SA. The page address is made from it."
        />
        <Field
          name="name"
          label="Full name (in English)"
          value={val(values, "name")}
          errors={errors}
          required
        />
        <Field
          name="nativeName"
          label="Name in the national language"
          value={val(values, "nativeName")}
          errors={errors}
        />
        <Field name="country" label="Country" value={val(values, "country")} errors={errors} required />
        <Select
          name="kind"
          label="Kind of organisation"
          value={val(values, "kind")}
          errors={errors}
          required
          emptyLabel="Choose…"
          hint="Membership is open to space agencies and government organisations only; individuals cannot be members."
          options={organisationKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
        />
        <Checkbox
          name="intergovernmental"
          label="Intergovernmental organisation"
          checked={isOn(values, "intergovernmental")}
        />
      </fieldset>
      <fieldset>
        <legend>Membership</legend>
        <Field
          name="joined"
          label="Joined"
          value={val(values, "joined")}
          errors={errors}
          required
          hint="YYYY, YYYY-MM or YYYY-MM-DD: as precise as the sources allow."
        />
        <Checkbox
          name="joinedUncertain"
          label="The join date is uncertain"
          checked={isOn(values, "joinedUncertain")}
        />
        <TextArea
          name="joinNote"
          label="How we know the join date"
          value={val(values, "joinNote")}
          errors={errors}
          rows={2}
        />
        <Checkbox name="founding" label="Founding member" checked={isOn(values, "founding")} />
        <Field
          name="leftOn"
          label="Left on"
          value={val(values, "leftOn")}
          errors={errors}
          hint="YYYY-MM-DD; leave empty while the organisation is a member."
        />
      </fieldset>
      <ProfileFields values={values} errors={errors} />
      <TextArea
        name="notes"
        label="Notes and caveats"
        value={val(values, "notes")}
        errors={errors}
        rows={2}
      />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submitLabel}
        </button>
        <a href="/private/members">Cancel</a>
      </p>
    </form>
  );
}

function ProfileFields({ values, errors }: { values: FormValues; errors?: FieldErrors }) {
  return (
    <fieldset>
      <legend>Public profile</legend>
      <Field name="website" label="Website" type="url" value={val(values, "website")} errors={errors} />
      <Field
        name="logoUrl"
        label="Logo address"
        type="url"
        value={val(values, "logoUrl")}
        errors={errors}
        hint="A web address of the logo image; without one a lettered badge is shown."
      />
      <TextArea name="description" label="Description" value={val(values, "description")} errors={errors} />
    </fieldset>
  );
}

/** A focal point's form for their own agency's public profile. */
export function ProfileForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <ProfileFields values={p.values} errors={p.errors} />
      <p class="form-actions">
        <button class="button" type="submit">
          Save profile
        </button>
        <a href="/private/members">Cancel</a>
      </p>
    </form>
  );
}
