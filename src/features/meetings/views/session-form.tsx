import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, val } from "../../../kit/forms.js";
import { CsrfField, ErrorSummary, Field, TextArea } from "../../../web/components.js";

/** The form for a session: title, local start and end, their zone, room or online note, description. */
export function SessionForm(p: {
  action: string;
  cancel: string;
  csrf: string;
  submit: string;
  values: FormValues;
  meetingZone: string;
  meetingDays: string;
  errors?: FieldErrors;
  message?: string;
}) {
  const { values: v, errors } = p;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field
        name="title"
        label="Title"
        value={val(v, "title")}
        errors={errors}
        required
        hint="E.g. Plenary, Technology Working Group, Public workshop."
      />
      <Field
        name="start"
        label="Starts"
        type="datetime-local"
        value={val(v, "start")}
        errors={errors}
        required
        hint={`Within the meeting's dates: ${p.meetingDays}.`}
      />
      <Field name="end" label="Ends" type="datetime-local" value={val(v, "end")} errors={errors} required />
      <Field
        name="timeZone"
        label="Time zone of these times"
        value={val(v, "timeZone") || p.meetingZone}
        errors={errors}
        hint={`The meeting's zone, ${p.meetingZone}, unless you enter the times in another. The programme always shows them in the meeting's zone.`}
      />
      <Field
        name="place"
        label="Room or place"
        value={val(v, "place")}
        errors={errors}
        hint="E.g. Main hall, Room 2.14, or Online only; leave empty when it is the meeting's place."
      />
      <TextArea
        name="description"
        label="Description"
        value={val(v, "description")}
        errors={errors}
        rows={4}
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
