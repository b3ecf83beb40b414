import type { FieldErrors } from "../../../http/errors.js";
import type { FormValues } from "../../../kit/forms.js";
import { PageHeader } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { Organisation } from "../directory.queries.js";
import { PersonForm } from "./person-form.js";

/** The secretariat's page for adding or editing a person: the form, and what else can be done for them. */
export function PersonPage(p: {
  action: string;
  title: string;
  submit: string;
  csrf: string;
  values: FormValues;
  orgs: Organisation[];
  errors?: FieldErrors;
  message?: string;
  /** Mail to this person's address stopped after a permanent failure, and why. */
  mailStopped?: { reason: string; since: Date } | null;
  /** Set on an existing person's page: links to their personal data requests. */
  personId?: number;
}) {
  return (
    <>
      <PageHeader title={p.title} />
      {p.mailStopped ? (
        <p class="callout" role="status">
          <strong>No mail is sent to this address</strong> since {formatTimestamp(p.mailStopped.since)}: the
          receiving server refused it permanently ({p.mailStopped.reason}). Correct the address to resume
          mail.
        </p>
      ) : null}
      <PersonForm
        action={p.action}
        csrf={p.csrf}
        values={p.values}
        orgs={p.orgs}
        errors={p.errors}
        message={p.message}
        submitLabel={p.submit}
      />
      {p.personId ? (
        <p>
          <a href={`/private/people/${p.personId}/privacy`}>Personal data: export or erase</a> ·{" "}
          <a href={`/private/people/${p.personId}/sessions/end`}>End every session…</a> ·{" "}
          <a href={`/private/people/${p.personId}/two-factor/reset`}>Reset two-factor sign-in…</a>
        </p>
      ) : null}
    </>
  );
}
