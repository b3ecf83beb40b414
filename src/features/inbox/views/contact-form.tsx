import type { FieldErrors } from "../../../http/errors.js";
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Field,
  FileField,
  labelOptions,
  Select,
  TextArea,
} from "../../../web/components.js";
import { MAX_ATTACHMENTS, senderKindLabels } from "../inbox.schemas.js";

export type ContactValues = Partial<Record<string, string>>;

/** The public form: works without JavaScript; the honeypot is hidden from people and screen readers. */
export function ContactForm(p: {
  csrf: string;
  started: string;
  topics: string[];
  values: ContactValues;
  errors?: FieldErrors;
  message?: string;
}) {
  const v = p.values;
  return (
    <>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action="/contact" class="form" enctype="multipart/form-data" novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="started" value={p.started} />
        <Field name="name" label="Your name" autocomplete="name" required value={v.name} errors={p.errors} />
        <Field
          name="email"
          label="Your e-mail address"
          type="email"
          autocomplete="email"
          required
          value={v.email}
          errors={p.errors}
          hint="We send a link to confirm it is yours; your message reaches the secretariat once you follow it."
        />
        <Field
          name="organisation"
          label="Organisation"
          autocomplete="organization"
          value={v.organisation}
          errors={p.errors}
        />
        <Select
          name="kind"
          label="You write as"
          required
          value={v.kind}
          errors={p.errors}
          emptyLabel="Choose…"
          options={labelOptions(senderKindLabels)}
        />
        <Field
          name="country"
          label="Country"
          autocomplete="country-name"
          value={v.country}
          errors={p.errors}
        />
        <Select
          name="topic"
          label="Topic"
          required
          value={v.topic}
          errors={p.errors}
          emptyLabel="Choose…"
          options={p.topics.map((t) => ({ value: t, label: t }))}
        />
        <Field name="subject" label="Subject" required value={v.subject} errors={p.errors} />
        <TextArea
          name="message"
          label="Your message"
          required
          rows={10}
          value={v.message}
          errors={p.errors}
          hint="Plain text; you may use Markdown for emphasis, lists and links."
        />
        <FileField
          name="attachments"
          label="PDF files"
          hint={`Up to ${MAX_ATTACHMENTS} PDF files, each at most 10 MB and 20 MB together.`}
          accept="application/pdf,.pdf"
          multiple
          optional
          errors={p.errors}
        />
        <div class={p.errors?.consent ? "field has-error" : "field"}>
          {p.errors?.consent ? <p class="field-error">{p.errors.consent}</p> : null}
          <Checkbox
            name="consent"
            label="I agree that the secretariat passes my message, my name, organisation and e-mail address on to the forum's member agencies."
            checked={v.consent === "on"}
          />
        </div>
        <div class="contact-trap" aria-hidden="true">
          <label for="f-website">Leave this field empty</label>
          <input id="f-website" type="text" name="website" value="" tabindex={-1} autocomplete="off" />
        </div>
        <div class="form-actions">
          <button class="button" type="submit">
            Send to the secretariat
          </button>
        </div>
      </form>
    </>
  );
}
