import type { FieldErrors } from "../../../http/errors.js";
import { CsrfField, ErrorSummary, Field, PageHeader, TextArea } from "../../../web/components.js";

/** The settings as the form shows them. */
export type InboxSettingsValues = { topics: string; retentionDays: string; reminderDays: string };

/** The secretariat's settings of public input: the contact form's topics, retention, reminders. */
export function InboxSettingsForm(p: {
  values: InboxSettingsValues;
  csrf: string;
  errors?: FieldErrors;
  message?: string;
}) {
  const { values: v, errors } = p;
  return (
    <>
      <p class="breadcrumb">
        <a href="/private/inbox">← Inbox</a>
      </p>
      <PageHeader
        title="Public input settings"
        lead="The topics the contact form offers, and how long messages are kept."
      />
      <ErrorSummary errors={errors} message={p.message} />
      <form method="post" action="/private/inbox/settings" class="form" novalidate>
        <CsrfField token={p.csrf} />
        <TextArea
          name="topics"
          label="Topics"
          required
          rows={6}
          value={v.topics}
          errors={errors}
          hint="One per line, in the order the form lists them."
        />
        <Field
          name="retentionDays"
          label="Keep personal data for (days)"
          inputmode="numeric"
          required
          value={v.retentionDays}
          errors={errors}
          hint="After this many days from confirmation, the sender's name, address, text and files are removed automatically."
        />
        <Field
          name="reminderDays"
          label="Remind agencies after (days)"
          inputmode="numeric"
          required
          value={v.reminderDays}
          errors={errors}
          hint="An agency that has not acknowledged a forwarded message by then is reminded once by e-mail."
        />
        <div class="form-actions">
          <button class="button" type="submit">
            Save settings
          </button>
        </div>
      </form>
    </>
  );
}
