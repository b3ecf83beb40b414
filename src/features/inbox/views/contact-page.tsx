import type { FieldErrors } from "../../../http/errors.js";
import { CsrfField, Notice, PageHeader } from "../../../web/components.js";
import { ContactForm, type ContactValues } from "./contact-form.js";

/** The public contact page: who may write, the form, and what is done with the sender's details. */
export function ContactPage(p: {
  csrf: string;
  started: string;
  topics: string[];
  notice: string | undefined;
  values: ContactValues;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <div class="wrap narrow">
      <PageHeader
        title="Write to the secretariat"
        lead="Academia, industry and the public may send information, input or feedback. The secretariat reads every message and passes relevant input on to all member agencies for their consideration."
      />
      <Notice text={p.notice} />
      <ContactForm
        csrf={p.csrf}
        started={p.started}
        topics={p.topics}
        values={p.values}
        errors={p.errors}
        message={p.message}
      />
      <p class="section muted">
        We use your details only to handle your message. After confirmation you get a reference number and a
        private link showing where your message stands, from which you can also withdraw it.
      </p>
    </div>
  );
}

/** The page the mailed confirmation link opens: one button that confirms the message. */
export function ConfirmMessage({ csrf, token }: { csrf: string; token: string | undefined }) {
  return (
    <div class="wrap narrow">
      <PageHeader
        title="Confirm your message"
        lead="One more step: confirm that you sent this message, and it goes to the secretariat."
      />
      <form method="post" action="/contact/confirm" class="form-actions">
        <CsrfField token={csrf} />
        <input type="hidden" name="token" value={token} />
        <button class="button" type="submit">
          Confirm and send my message
        </button>
      </form>
    </div>
  );
}
