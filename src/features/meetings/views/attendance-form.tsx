import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, val } from "../../../kit/forms.js";
import { Checkbox, CsrfField, ErrorSummary, Field, PageHeader } from "../../../web/components.js";
import type { Organisation } from "../../directory/directory.queries.js";
import type { MeetingDetail } from "../meetings.queries.js";
import { meetingWhen } from "./meeting.js";

/** Which agencies attended a meeting, or how many were reported when the list is not known. */
export function AttendanceForm(p: {
  m: MeetingDetail;
  agencies: Pick<Organisation, "acronym">[];
  csrf: string;
  /** What was typed, after a refusal; the recorded attendance otherwise. */
  values?: FormValues;
  errors?: FieldErrors;
  message?: string;
}) {
  const { m, values } = p;
  const chosen = new Set(
    values ? [values.agencies ?? []].flat().map(String) : m.attending.map((a) => a.acronym),
  );
  return (
    <>
      <PageHeader title={`Attendance: ${m.title}`} lead={meetingWhen(m)} />
      <form method="post" action={`/private/meetings/${m.slug}/attendance`} class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <fieldset>
          <legend>Agencies that attended</legend>
          <div class="checkbox-columns">
            {p.agencies.map((o) => (
              <Checkbox name="agencies" value={o.acronym} label={o.acronym} checked={chosen.has(o.acronym)} />
            ))}
          </div>
        </fieldset>
        <Field
          name="reportedAttendance"
          label="Number of agencies as reported"
          inputmode="numeric"
          value={values ? val(values, "reportedAttendance") : (m.reportedAttendance ?? "")}
          errors={p.errors}
          hint="Only for when the list of agencies is not known; a list, when ticked above, counts instead."
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Save attendance
          </button>
          <a href="/private/meetings">Cancel</a>
        </p>
      </form>
    </>
  );
}
