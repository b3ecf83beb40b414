import type { FieldErrors } from "../../../http/errors.js";
import { CsrfField, TextArea } from "../../../web/components.js";
import type { InputRecord } from "../inbox.queries.js";
import { agencyStanding } from "./inbox-lists.js";

type Delivery = InputRecord["deliveries"][number];

/** What the agency does with a forwarded message: read, acknowledge, interest, reply. */
export function AgencyForms(p: {
  m: InputRecord;
  d: Delivery;
  csrf: string;
  speaks: boolean;
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
}) {
  const base = `/private/inbox/${p.m.id}`;
  const reply = p.values.reply;
  return (
    <section class="section">
      <h2>Your agency</h2>
      <p>
        {p.d.acronym}: {agencyStanding(p.d)}.
      </p>
      <div class="form-actions">
        {!p.d.readAt ? (
          <form method="post" action={`${base}/receipt`}>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="step" value="read" />
            <button class="button button-quiet" type="submit">
              Mark as read
            </button>
          </form>
        ) : null}
        {!p.d.acknowledgedAt ? (
          <form method="post" action={`${base}/receipt`}>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="step" value="acknowledge" />
            <button class="button" type="submit">
              Acknowledge
            </button>
          </form>
        ) : null}
      </div>
      {p.speaks ? (
        <>
          <form method="post" action={`${base}/interest`} class="form-actions">
            <CsrfField token={p.csrf} />
            <button
              class="button button-quiet"
              type="submit"
              name="interest"
              value="interested"
              aria-pressed={p.d.interest === "interested" ? "true" : "false"}
            >
              Interested
            </button>
            <button
              class="button button-quiet"
              type="submit"
              name="interest"
              value="not_interested"
              aria-pressed={p.d.interest === "not_interested" ? "true" : "false"}
            >
              Not interested
            </button>
          </form>
          <form method="post" action={`${base}/replies`} class="form" novalidate>
            <CsrfField token={p.csrf} />
            <TextArea
              name="reply"
              label="Reply to the secretariat"
              required
              rows={5}
              value={Array.isArray(reply) ? reply[0] : reply}
              errors={p.errors}
              hint="Only the secretariat and your agency see it; the secretariat may use it in its answer to the sender."
            />
            <div class="form-actions">
              <button class="button" type="submit">
                Send the reply
              </button>
            </div>
          </form>
        </>
      ) : (
        <p class="muted">
          Your agency's focal points say whether it is interested and reply to the secretariat.
        </p>
      )}
    </section>
  );
}
