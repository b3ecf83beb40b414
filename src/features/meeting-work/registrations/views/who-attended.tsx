import type { FieldErrors } from "../../../../http/errors.js";
import { Checkbox, CsrfField, EmptyState, ErrorSummary, PageHeader } from "../../../../web/components.js";
import type { MeetingDetail } from "../../../meetings/meetings.queries.js";
import { registrationModeLabels } from "../../meeting-work.schemas.js";
import type { Registration } from "../registrations.queries.js";
import { byAgency } from "../registrations.service.js";

/** The managers' form that ticks, agency by agency, the registered people who attended. */
export function WhoAttended(p: {
  m: MeetingDetail;
  rows: Registration[];
  ticked: Set<number>;
  csrf: string;
  errors?: FieldErrors;
  message?: string;
}) {
  const { m } = p;
  return (
    <>
      <PageHeader
        title={`Who attended: ${m.title}`}
        lead="Tick the registered people who attended. Their agencies count as attending the meeting."
      />
      {p.rows.length ? (
        <form method="post" action={`/private/meetings/${m.slug}/registrations`} class="form" novalidate>
          <ErrorSummary errors={p.errors} message={p.message} />
          <CsrfField token={p.csrf} />
          {byAgency(p.rows).map((g) => (
            <fieldset>
              <legend>{g.agency}</legend>
              {g.people.map((r) => (
                <Checkbox
                  name="attended"
                  value={String(r.id)}
                  label={r.name}
                  hint={`(${registrationModeLabels[r.attendance].toLowerCase()})`}
                  checked={p.ticked.has(r.id)}
                />
              ))}
            </fieldset>
          ))}
          <p class="form-actions">
            <button class="button" type="submit">
              Save who attended
            </button>
            <a href={`/private/meetings/${m.slug}`}>Cancel</a>
          </p>
        </form>
      ) : (
        <>
          {/* A form posted for a meeting nobody registered for still says what was wrong. */}
          <ErrorSummary errors={p.errors} message={p.message} />
          <EmptyState title="Nobody has registered yet" />
        </>
      )}
    </>
  );
}
