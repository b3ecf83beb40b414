import { val } from "../../../../kit/forms.js";
import {
  CsrfField,
  ErrorSummary,
  Field,
  FileField,
  labelOptions,
  Select,
  TextArea,
} from "../../../../web/components.js";
import { Actions, type FormProps as Props } from "../../comments/views/review-forms.js";
import { positionLabels } from "../../products.schemas.js";

/** A reason, and one button: closing early, asking for a deferral. */
export function ReasonForm(p: Props & { label: string; hint: string; submit: string; required: boolean }) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <TextArea
        name="reason"
        label={p.label}
        value={val(p.values, "reason")}
        errors={p.errors}
        rows={3}
        hint={p.hint}
        required={p.required}
      />
      <Actions submit={p.submit} cancel={p.cancel} />
    </form>
  );
}

/** The editors move a round's deadline later, with a reason the agencies get by e-mail. */
export function DeadlineForm(p: Props) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field
        name="deadline"
        label="New deadline (date and time)"
        type="datetime-local"
        value={val(p.values, "deadline")}
        errors={p.errors}
        hint="Local time in the time zone below; later than the current deadline."
        required
      />
      <Field name="timeZone" label="Time zone" value={val(p.values, "timeZone")} errors={p.errors} required />
      <TextArea
        name="reason"
        label="Reason"
        value={val(p.values, "reason")}
        errors={p.errors}
        rows={3}
        hint="Sent to every member of the participating agencies and kept in the history."
        required
      />
      <Actions submit="Move the deadline" cancel={p.cancel} />
    </form>
  );
}

/** The secretariat records the position an agency sent it, with the evidence (a note or a file). */
export function OnBehalfForm(p: Props & { agencies: Array<{ acronym: string; name: string }> }) {
  return (
    <form method="post" action={p.action} class="form" enctype="multipart/form-data" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Select
        name="agency"
        label="Agency"
        value={val(p.values, "agency")}
        options={p.agencies.map((a) => ({ value: a.acronym, label: `${a.acronym} (${a.name})` }))}
        emptyLabel="Choose…"
        errors={p.errors}
        required
      />
      <Select
        name="position"
        label="Position"
        value={val(p.values, "position")}
        options={labelOptions(positionLabels)}
        emptyLabel="Choose…"
        errors={p.errors}
        required
      />
      <TextArea
        name="rationale"
        label="Rationale"
        value={val(p.values, "rationale")}
        errors={p.errors}
        rows={3}
        hint="The agency's own words; required for a non-concurrence."
      />
      <TextArea
        name="evidence"
        label="Evidence"
        value={val(p.values, "evidence")}
        errors={p.errors}
        rows={3}
        hint="Who sent it, when and how (e.g. e-mail from the focal point of 9 January). Or attach the message below."
      />
      <FileField name="file" label="The message as a file" optional errors={p.errors} />
      <Actions submit="Record on the agency's behalf" cancel={p.cancel} />
    </form>
  );
}
