import { localStartDay } from "../../../../domain/time-zones.js";
import type { FieldErrors } from "../../../../http/errors.js";
import { str } from "../../../../http/forms.js";
import { CsrfField, EmptyState, ErrorSummary, PageHeader, Select } from "../../../../web/components.js";
import type { MeetingDetail } from "../../../meetings/meetings.queries.js";
import type { listLaterMeetings, MinutesVersion } from "../minutes.queries.js";
import { approvalText, minutesBase, when } from "./minutes.js";

/** Recording, for the latest version, the later meeting that approved it; or who already did. */
export function MinutesApproval(p: {
  m: MeetingDetail;
  latest: MinutesVersion | undefined;
  later: Awaited<ReturnType<typeof listLaterMeetings>>;
  csrf: string;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  message?: string;
}) {
  const { m, latest } = p;
  return (
    <>
      <PageHeader
        title={`Approve the minutes: ${m.title}`}
        lead="Minutes are approved at a later meeting. The approved version is frozen; later edits need a new approval."
      />
      {!latest ? (
        <EmptyState title="No minutes yet" />
      ) : latest.approvedAt ? (
        <p>{approvalText(latest)}</p>
      ) : (
        <form method="post" action={`${minutesBase(m)}/approval`} class="form" novalidate>
          <ErrorSummary errors={p.errors} message={p.message} />
          <CsrfField token={p.csrf} />
          <input type="hidden" name="version" value={String(latest.version)} />
          <p>
            Version {latest.version}, saved by {latest.authorName} on {when(latest.createdAt)}.
          </p>
          <Select
            name="approvingMeeting"
            label="Approved at"
            value={p.values ? str(p.values.approvingMeeting) : ""}
            errors={p.errors}
            emptyLabel="Choose a later meeting"
            options={p.later.map((x) => ({
              value: x.slug,
              label: `${x.title} (${localStartDay(x)})`,
            }))}
            required
          />
          <p class="form-actions">
            <button class="button" type="submit">
              Record the approval
            </button>
            <a href={`/private/meetings/${m.slug}#minutes`}>Cancel</a>
          </p>
        </form>
      )}
    </>
  );
}
