import type { FieldErrors } from "../../../../http/errors.js";
import { str } from "../../../../http/forms.js";
import { CsrfField, ErrorSummary, PageHeader, Select } from "../../../../web/components.js";
import type { MeetingDetail } from "../../../meetings/meetings.queries.js";
import { meetingWhen } from "../../../meetings/views/meeting.js";
import { attendanceModesFor } from "../../meeting-work.policy.js";
import { registrationModeLabels } from "../../meeting-work.schemas.js";

/** Registering for a meeting, shown again when the meeting's own page posted something wrong. */
export function RegistrationForm(p: {
  m: MeetingDetail;
  values: Record<string, string | string[]>;
  errors: FieldErrors;
  message: string;
  csrf: string;
}) {
  const { m } = p;
  return (
    <>
      <PageHeader title={`Register: ${m.title}`} lead={meetingWhen(m)} />
      <form method="post" action={`/private/meetings/${m.slug}/registration`} class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <Select
          name="attendance"
          label="I will attend"
          value={str(p.values.attendance)}
          errors={p.errors}
          options={attendanceModesFor(m.mode).map((x) => ({ value: x, label: registrationModeLabels[x] }))}
          required
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Register
          </button>
          <a href={`/private/meetings/${m.slug}`}>Back to the meeting</a>
        </p>
      </form>
    </>
  );
}
