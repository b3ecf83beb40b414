import { maskAddress } from "../../../domain/redact-address.js";
import type { FieldErrors } from "../../../http/errors.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader } from "../../../web/components.js";

/** The public form: an address, and the promise of what it is used for. */
export function SubscribeForm(p: {
  csrf: string;
  notice: string | undefined;
  email?: string;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <div class="wrap narrow">
      <p class="breadcrumb">
        <a href="/news">← All news</a>
      </p>
      <PageHeader
        title="Subscribe to the news"
        lead="Each new article of the forum, sent once to your inbox. We use your address for nothing else."
      />
      <Notice text={p.notice} />
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action="/news/subscribe" class="form" novalidate>
        <CsrfField token={p.csrf} />
        <Field
          name="email"
          label="Your e-mail address"
          type="email"
          autocomplete="email"
          required
          value={p.email}
          errors={p.errors}
          hint="We send a link to confirm it is yours. Every mail has a one-click unsubscribe link."
        />
        <div class="form-actions">
          <button class="button" type="submit">
            Subscribe
          </button>
        </div>
      </form>
    </div>
  );
}

/** The second step of the double opt-in: one button, so that a mail scanner following links confirms nothing. */
export function ConfirmSubscription(p: { csrf: string; token: string }) {
  return (
    <div class="wrap narrow">
      <PageHeader
        title="Confirm your subscription"
        lead="One more step: confirm that you want the news by e-mail."
      />
      <form method="post" action="/news/subscribe/confirm" class="form-actions">
        <CsrfField token={p.csrf} />
        <input type="hidden" name="token" value={p.token} />
        <button class="button" type="submit">
          Confirm my subscription
        </button>
      </form>
    </div>
  );
}

/** Unsubscribing from the page the mail links to; the address shown only in part. */
export function Unsubscribe(p: { email: string; token: string }) {
  return (
    <div class="wrap narrow">
      <PageHeader
        title="Unsubscribe from the news?"
        lead={`No more news will be sent to ${maskAddress(p.email)}.`}
      />
      {/* Token-authenticated: this form needs no CSRF field (see csrfProtection). */}
      <form
        method="post"
        action={`/news/unsubscribe?token=${encodeURIComponent(p.token)}`}
        class="form-actions"
      >
        <button class="button button-danger" type="submit">
          Unsubscribe
        </button>
        <a href="/news">Keep receiving the news</a>
      </form>
    </div>
  );
}

/** The secretariat's numbers: never the addresses. */
export function SubscriberCounts(p: {
  counts: { confirmed: number; pending: number; unsubscribed: number };
}) {
  return (
    <>
      <PageHeader
        title="News subscribers"
        lead="People who asked for the news by e-mail. Only numbers are shown: the addresses serve the news mail alone."
        actions={<a href="/private/outbox">E-mail outbox</a>}
      />
      <dl class="facts">
        <div>
          <dt>Confirmed</dt>
          <dd>{p.counts.confirmed}</dd>
        </div>
        <div>
          <dt>Waiting for confirmation</dt>
          <dd>{p.counts.pending}</dd>
        </div>
        <div>
          <dt>Unsubscribed</dt>
          <dd>{p.counts.unsubscribed}</dd>
        </div>
      </dl>
      <p class="section muted">Each newly published article is mailed once to every confirmed subscriber.</p>
    </>
  );
}
