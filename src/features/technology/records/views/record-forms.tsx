import type { FieldErrors } from "../../../../http/errors.js";
import { CsrfField, ErrorSummary, Field, Select, TextArea } from "../../../../web/components.js";
import { type FormValues, val } from "../../ctl/views/ctl-forms.js";

type Option = { value: string; label: string };
type FormProps = {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  submit: string;
  cancel: string;
  technologies: Option[];
};

const trlOptions: Option[] = Array.from({ length: 9 }, (_, k) => ({
  value: String(k + 1),
  label: `TRL ${k + 1}`,
}));

/** The technology: a choice on a new record, fixed text on an existing one. */
function TechnologyChoice(p: FormProps & { fixed?: string }) {
  if (p.fixed)
    return (
      <p>
        <strong>Technology:</strong> {p.fixed}
      </p>
    );
  return (
    <Select
      name="technology"
      label="Technology"
      value={val(p.values, "technology")}
      options={p.technologies}
      emptyLabel="Choose a technology"
      errors={p.errors}
      required
    />
  );
}

function Actions(p: { submit: string; cancel: string }) {
  return (
    <p class="form-actions">
      <button class="button" type="submit">
        {p.submit}
      </button>
      <a href={p.cancel}>Cancel</a>
    </p>
  );
}

/** An agency's capability: the agency is chosen by the secretariat only; a focal point's is their own. */
export function CapabilityForm(
  p: FormProps & { agencies: Option[] | null; fixedAgency?: string; fixedTechnology?: string },
) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <CsrfField token={p.csrf} />
      <ErrorSummary errors={p.errors} message={p.message} />
      {p.agencies ? (
        <Select
          name="agency"
          label="Agency"
          value={val(p.values, "agency")}
          options={p.agencies}
          emptyLabel="Choose an agency"
          errors={p.errors}
          required
        />
      ) : (
        <p>
          <strong>Agency:</strong> {p.fixedAgency}
          <input type="hidden" name="agency" value={p.fixedAgency ?? ""} />
        </p>
      )}
      <TechnologyChoice {...p} fixed={p.fixedTechnology} />
      <Select
        name="currentTrl"
        label="Current TRL"
        hint="Technology readiness level reached today, 1 (basic principles) to 9 (flight proven)."
        value={val(p.values, "currentTrl")}
        options={trlOptions}
        emptyLabel="Choose"
        errors={p.errors}
        required
      />
      <Select
        name="targetTrl"
        label="Target TRL"
        hint="The level the agency plans to reach; not below the current TRL."
        value={val(p.values, "targetTrl")}
        options={trlOptions}
        emptyLabel="Choose"
        errors={p.errors}
        required
      />
      <Field
        name="targetDate"
        label="Target date"
        type="date"
        hint="When the target TRL is planned, as YYYY-MM-DD."
        value={val(p.values, "targetDate")}
        errors={p.errors}
        required
      />
      <TextArea name="note" label="Note" rows={3} value={val(p.values, "note")} errors={p.errors} />
      <Field
        name="evidenceUrl"
        label="Evidence link"
        type="url"
        hint="A web address (http or https) to a report, paper or test result."
        value={val(p.values, "evidenceUrl")}
        errors={p.errors}
      />
      <Actions submit={p.submit} cancel={p.cancel} />
    </form>
  );
}

/** What a mission or an architecture element needs. */
export function NeedForm(p: FormProps & { missions: Option[]; elementAllowed: boolean }) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <CsrfField token={p.csrf} />
      <ErrorSummary errors={p.errors} message={p.message} />
      <Select
        name="mission"
        label="Mission"
        hint="Missions your role lets you edit needs for."
        value={val(p.values, "mission")}
        options={p.missions}
        emptyLabel={p.elementAllowed ? "None: an architecture element" : "Choose a mission"}
        errors={p.errors}
      />
      {p.elementAllowed ? (
        <Field
          name="element"
          label="Architecture element"
          hint="Instead of a mission: an element of the architecture that is not a mission yet, e.g. a Mars transit habitat."
          value={val(p.values, "element")}
          errors={p.errors}
        />
      ) : null}
      <TechnologyChoice {...p} />
      <Select
        name="trlNeeded"
        label="TRL needed"
        value={val(p.values, "trlNeeded")}
        options={trlOptions}
        emptyLabel="Choose"
        errors={p.errors}
        required
      />
      <Field
        name="neededBy"
        label="Needed by"
        type="date"
        hint="The date by which the technology must reach that level, as YYYY-MM-DD."
        value={val(p.values, "neededBy")}
        errors={p.errors}
        required
      />
      <TextArea name="note" label="Note" rows={3} value={val(p.values, "note")} errors={p.errors} />
      <Actions submit={p.submit} cancel={p.cancel} />
    </form>
  );
}
