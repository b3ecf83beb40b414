import { datePrecisions, destinations, missionStatuses } from "../../../db/schema/index.js";
import type { FieldErrors } from "../../../http/errors.js";
import type { FormValues } from "../../../kit/forms.js";
import { Checkbox, CsrfField, ErrorSummary, Field, Select, TextArea } from "../../../web/components.js";
import type { MissionValues } from "../roadmap.presenter.js";
import { destinationLabels, precisionLabels, statusLabels } from "../roadmap.schemas.js";

const val = (v: FormValues, k: string) => {
  const x = v[k];
  return typeof x === "string" ? x : Array.isArray(x) ? x.join("\n") : "";
};
const isOn = (v: FormValues, k: string) => v[k] === true || v[k] === "on" || v[k] === "true";
const listOf = (v: FormValues, k: string) => {
  const x = v[k];
  return Array.isArray(x) ? x : typeof x === "string" && x ? [x] : [];
};

/** A stored mission as form values (lists one item per line). */
export function formValuesOf(m: MissionValues): FormValues {
  return {
    ...Object.fromEntries(
      Object.entries(m).map(([k, x]) => [
        k,
        typeof x === "boolean" ? x : Array.isArray(x) ? x : x == null ? "" : String(x),
      ]),
    ),
    otherPartners: m.otherPartners.join("\n"),
    instruments: m.instruments.join("\n"),
    sources: m.sources.join("\n"),
  };
}

const precisionHint = "Write the date to match: 2027, 2027-Q3, 2027-05 or 2027-05-14.";

/** The mission form: used to add, edit and propose changes. */
export function MissionForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  submitLabel: string;
  agencies: Array<{ acronym: string; name: string; slug: string }>;
  /** The secretariat chooses the lead; others see it fixed. */
  chooseLead: boolean;
  fixedLead?: string;
  proposal?: boolean;
  /** The GER objectives to choose from, with their goal's title. */
  objectives?: Array<{ code: string; title: string; goalTitle: string }>;
}) {
  const { values: v, errors } = p;
  const partners = new Set(listOf(v, "partners").map((a) => a.toLowerCase()));
  const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
    keys.map((k) => ({ value: k, label: labels[k] }));
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={errors} message={p.message} />
      <CsrfField token={p.csrf} />
      {p.proposal ? (
        <TextArea
          name="note"
          label="Note for the lead agency"
          value={val(v, "note")}
          errors={errors}
          hint="Say what you propose to change and why; the lead agency accepts or declines."
        />
      ) : null}
      <fieldset>
        <legend>Mission</legend>
        <Field name="name" label="Name" value={val(v, "name")} errors={errors} required />
        {p.chooseLead ? (
          <>
            <Select
              name="lead"
              label="Lead agency"
              value={val(v, "lead")}
              errors={errors}
              emptyLabel="Not a member (name it below)"
              options={p.agencies.map((a) => ({ value: a.acronym, label: `${a.acronym} — ${a.name}` }))}
            />
            <Field
              name="leadOther"
              label="Non-member lead"
              value={val(v, "leadOther")}
              errors={errors}
              hint="Only when no member agency leads, e.g. a company."
            />
          </>
        ) : (
          <p>
            <strong>Lead agency:</strong> {p.fixedLead}
          </p>
        )}
        <Select
          name="destination"
          label="Destination"
          value={val(v, "destination")}
          errors={errors}
          required
          emptyLabel="Choose…"
          options={options(destinations, destinationLabels)}
        />
        <Select
          name="status"
          label="Status"
          value={val(v, "status")}
          errors={errors}
          required
          emptyLabel="Choose…"
          options={options(missionStatuses, statusLabels)}
        />
        <Checkbox name="crewed" label="Crewed mission" checked={isOn(v, "crewed")} />
        <Checkbox
          name="studiesPolarVolatiles"
          label="Studies lunar polar volatiles"
          checked={isOn(v, "studiesPolarVolatiles")}
        />
      </fieldset>
      <fieldset>
        <legend>Dates</legend>
        <Select
          name="launchPrecision"
          label="Launch date known to the"
          value={val(v, "launchPrecision")}
          errors={errors}
          emptyLabel="No date announced"
          options={options(datePrecisions, precisionLabels)}
        />
        <Field name="launch" label="Launch" value={val(v, "launch")} errors={errors} hint={precisionHint} />
        <Select
          name="endPrecision"
          label="End date known to the"
          value={val(v, "endPrecision")}
          errors={errors}
          emptyLabel="No end date"
          options={options(datePrecisions, precisionLabels)}
        />
        <Field name="end" label="End" value={val(v, "end")} errors={errors} hint={precisionHint} />
      </fieldset>
      <fieldset
        id="f-partners"
        tabindex={-1}
        aria-describedby={errors?.partners ? "f-partners-error" : undefined}
      >
        <legend>Partner agencies</legend>
        <p class="hint">Member agencies taking part. Others (companies, universities) go in the box below.</p>
        {errors?.partners ? (
          <p class="field-error" id="f-partners-error">
            {errors.partners}
          </p>
        ) : null}
        <div class="checkbox-columns">
          {p.agencies.map((a) => (
            <div class="checkbox">
              <input
                id={`f-partner-${a.slug}`}
                type="checkbox"
                name="partners"
                value={a.acronym}
                checked={partners.has(a.acronym.toLowerCase())}
              />
              <label for={`f-partner-${a.slug}`}>
                <abbr title={a.name}>{a.acronym}</abbr>
              </label>
            </div>
          ))}
        </div>
        <TextArea
          name="otherPartners"
          label="Other partners"
          value={val(v, "otherPartners")}
          errors={errors}
          rows={3}
          hint="One per line."
        />
      </fieldset>
      {p.objectives?.length ? (
        <ObjectivesFieldset objectives={p.objectives} values={v} errors={errors} />
      ) : null}
      <fieldset>
        <legend>Details</legend>
        <TextArea
          name="description"
          label="Description"
          value={val(v, "description")}
          errors={errors}
          rows={5}
        />
        <TextArea
          name="instruments"
          label="Instruments"
          value={val(v, "instruments")}
          errors={errors}
          rows={3}
          hint="One per line."
        />
        <TextArea
          name="sources"
          label="Sources"
          value={val(v, "sources")}
          errors={errors}
          rows={3}
          hint="One web address or reference per line."
        />
        <Checkbox name="uncertain" label="Some of this is uncertain" checked={isOn(v, "uncertain")} />
        <TextArea
          name="uncertaintyNote"
          label="What is uncertain"
          value={val(v, "uncertaintyNote")}
          errors={errors}
          rows={3}
          hint="Shown to readers on the mission's page."
        />
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button">
          {p.submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Checkboxes for the GER objectives a mission serves; the empty hidden field makes "none" explicit. */
function ObjectivesFieldset(p: {
  objectives: Array<{ code: string; title: string; goalTitle: string }>;
  values: FormValues;
  errors?: FieldErrors;
}) {
  const chosen = new Set(listOf(p.values, "objectives"));
  return (
    <fieldset
      id="f-objectives"
      tabindex={-1}
      aria-describedby={p.errors?.objectives ? "f-objectives-error" : undefined}
    >
      <legend>Objectives served</legend>
      <p class="hint">
        Which of the roadmap's objectives this mission serves (see the{" "}
        <a href="/roadmap/framework">framework</a>).
      </p>
      {p.errors?.objectives ? (
        <p class="field-error" id="f-objectives-error">
          {p.errors.objectives}
        </p>
      ) : null}
      <input type="hidden" name="objectives" value="" />
      {p.objectives.map((o) => (
        <div class="checkbox">
          <input
            id={`f-objective-${o.code.replace(/[^A-Za-z0-9]/g, "-")}`}
            type="checkbox"
            name="objectives"
            value={o.code}
            checked={chosen.has(o.code)}
          />
          <label for={`f-objective-${o.code.replace(/[^A-Za-z0-9]/g, "-")}`}>
            {o.code} {o.title} <span class="muted small">({o.goalTitle})</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}
