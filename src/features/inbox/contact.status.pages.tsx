import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { renderPage } from "../../http/page.js";
import { CsrfField, ErrorSummary, Notice, PageHeader, TextArea } from "../../web/components.js";
import type { findByStatusToken } from "./contact.service.js";
import { listSenderNotes } from "./inbox.queries.js";
import { InputStatusView } from "./views/input-status.js";

type Message = NonNullable<Awaited<ReturnType<typeof findByStatusToken>>>;

/** The sender's private page: where the message stands, the form to add information, withdrawal. */
export async function statusPage(
  c: AppContext,
  m: Message,
  token: string,
  values: { text?: string } = {},
  errors?: FieldErrors,
  message?: string,
) {
  const notes = await listSenderNotes(c.var.deps.db, m.id);
  const done = c.req.query("done");
  return renderPage(
    c,
    {
      title: `Your message ${m.reference}`,
      body: () => (
        <div class="wrap narrow">
          <PageHeader
            eyebrow="Your message"
            title={m.reference ?? ""}
            lead={m.status === "withdrawn" ? undefined : m.subject}
          />
          <Notice
            text={
              done === "confirmed"
                ? "Thank you: your message reached the secretariat. We also sent this page's address to you by e-mail."
                : done === "added"
                  ? "Thank you: your information was added to your message."
                  : undefined
            }
          />
          <InputStatusView message={m} notes={notes} />
          {m.status === "awaiting_sender" ? (
            <section class="section">
              <h2>Add the information asked for</h2>
              <ErrorSummary errors={errors} message={message} />
              <form
                method="post"
                action={`/contact/status?token=${encodeURIComponent(token)}`}
                class="form"
                novalidate
              >
                <CsrfField token={c.var.csrfToken()} />
                <TextArea
                  name="text"
                  label="Your answer"
                  required
                  rows={6}
                  value={values.text}
                  errors={errors}
                />
                <div class="form-actions">
                  <button class="button" type="submit">
                    Add to my message
                  </button>
                </div>
              </form>
            </section>
          ) : null}
          {m.status !== "withdrawn" ? (
            <p class="section">
              <a href={`/contact/withdraw?token=${encodeURIComponent(token)}`}>
                Withdraw my message and delete my details
              </a>
            </p>
          ) : null}
        </div>
      ),
    },
    errors ? 422 : 200,
  );
}
