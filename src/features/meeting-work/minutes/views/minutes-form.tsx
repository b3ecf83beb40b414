import type { FieldErrors } from "../../../../http/errors.js";
import { CsrfField, ErrorSummary, PageHeader, TextArea } from "../../../../web/components.js";
import type { MeetingDetail } from "../../../meetings/meetings.queries.js";
import type { MinutesVersion } from "../minutes.queries.js";
import { minutesBase } from "./minutes.js";

/** The managers' form that saves the minutes as a new version, starting from the latest one. */
export function MinutesForm(p: {
  m: MeetingDetail;
  latest: MinutesVersion | undefined;
  text: string | undefined;
  csrf: string;
  errors?: FieldErrors;
  message?: string;
}) {
  const { m, latest } = p;
  return (
    <>
      <PageHeader
        title={`Minutes: ${m.title}`}
        lead={
          latest
            ? `Saving adds version ${latest.version + 1}; version ${latest.version} and earlier stay as they are.`
            : "Saving adds version 1."
        }
      />
      <form method="post" action={minutesBase(m)} class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <TextArea
          name="text"
          label="Minutes"
          hint="Markdown."
          value={p.text ?? latest?.text ?? ""}
          errors={p.errors}
          rows={18}
          required
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Save as a new version
          </button>
          <a href={`/private/meetings/${m.slug}#minutes`}>Cancel</a>
        </p>
      </form>
    </>
  );
}
