import type { FieldErrors } from "../../../../http/errors.js";
import { CsrfField, ErrorSummary, PageHeader, TextArea } from "../../../../web/components.js";
import type { MeetingDetail } from "../../../meetings/meetings.queries.js";

/** The page that records a decision or corrects its text. */
export function DecisionForm(p: {
  m: MeetingDetail;
  title: string;
  action: string;
  text: string;
  csrf: string;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <>
      <PageHeader title={p.title} lead={p.m.title} />
      <form method="post" action={p.action} class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <TextArea
          name="text"
          label="Decision"
          hint="Markdown. Decisions are numbered within the meeting (D1, D2 …)."
          value={p.text}
          errors={p.errors}
          rows={6}
          required
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Save decision
          </button>
          <a href={`/private/meetings/${p.m.slug}#decisions`}>Cancel</a>
        </p>
      </form>
    </>
  );
}
