import type { FieldErrors } from "../../../http/errors.js";
import { Checkbox, CsrfField, Field, Select, TextArea } from "../../../web/components.js";
import type { InputRecord } from "../inbox.queries.js";

type Props = {
  m: InputRecord;
  csrf: string;
  agencies: Array<{ acronym: string; name: string }>;
  groups: Array<{ value: string; label: string }>;
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
};

const open = (m: InputRecord) => ["new", "awaiting_sender", "forwarded", "answered"].includes(m.status);
const s = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

/** The secretariat's steps on one message, each its own small form that works without JavaScript. */
export function TriageForms(p: Props) {
  const { m } = p;
  const base = `/private/inbox/${m.id}`;
  const chosen = [p.values.agencies ?? []].flat();
  // Agencies that have it already are not offered again; when every one has it, there is nothing to forward.
  const remaining = p.agencies.filter((a) => !m.deliveries.some((d) => d.acronym === a.acronym));
  const canForward =
    ["new", "awaiting_sender", "forwarded"].includes(m.status) && m.consent && remaining.length > 0;
  const writable = open(m) && m.anonymisedAt === null;
  return (
    <>
      {canForward ? (
        <section class="section">
          <h2>{m.status === "forwarded" ? "Forward to more agencies" : "Accept and forward"}</h2>
          <form method="post" action={`${base}/forwarding`} class="form">
            <CsrfField token={p.csrf} />
            <fieldset>
              <legend>
                Only to these agencies (leave all unticked to forward to every member agency
                {m.deliveries.length ? " that does not have it yet" : ""})
              </legend>
              <div class="checkbox-columns">
                {remaining.map((a) => (
                  <Checkbox
                    name="agencies"
                    value={a.acronym}
                    label={a.acronym}
                    checked={chosen.includes(a.acronym)}
                  />
                ))}
              </div>
            </fieldset>
            <Field
              name="reason"
              label="Why only these agencies"
              value={s(p.values.reason)}
              errors={p.errors}
            />
            <div class="form-actions">
              <button class="button" type="submit">
                Forward
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {writable ? (
        <section class="section">
          <h2>Answer the sender</h2>
          <form method="post" action={`${base}/answer`} class="form" novalidate>
            <CsrfField token={p.csrf} />
            <TextArea
              name="answer"
              label="The consolidated answer"
              required
              rows={6}
              value={s(p.values.answer)}
              errors={p.errors}
              hint="Sent to the sender by e-mail and shown on their status page; the message is then answered."
            />
            <div class="form-actions">
              <button class="button" type="submit">
                Send the answer
              </button>
            </div>
          </form>
          <h2>Ask the sender for more</h2>
          <form method="post" action={`${base}/question`} class="form" novalidate>
            <CsrfField token={p.csrf} />
            <TextArea
              name="question"
              label="Your question"
              required
              rows={4}
              value={s(p.values.question)}
              errors={p.errors}
            />
            <div class="form-actions">
              <button class="button" type="submit">
                Ask the sender
              </button>
            </div>
          </form>
        </section>
      ) : null}
      <section class="section">
        <h2>Tags and working group</h2>
        <form method="post" action={`${base}/tags`} class="form" novalidate>
          <CsrfField token={p.csrf} />
          <Field
            name="tags"
            label="Tags"
            value={s(p.values.tags) || m.tags.join(", ")}
            errors={p.errors}
            hint="Separated by commas."
          />
          <Select
            name="group"
            label="Working group"
            value={s(p.values.group) || (m.groupSlug ?? "")}
            options={p.groups}
            emptyLabel="None"
            errors={p.errors}
          />
          <div class="form-actions">
            <button class="button" type="submit">
              Save
            </button>
          </div>
        </form>
      </section>
      {open(m) ? (
        <section class="section">
          <h2>Close or merge</h2>
          <form method="post" action={`${base}/closure`} class="form" novalidate>
            <CsrfField token={p.csrf} />
            <Select
              name="status"
              label="Close as"
              required
              value={s(p.values.status)}
              options={[
                { value: "out_of_scope", label: "Out of scope" },
                { value: "spam", label: "Spam" },
              ]}
              errors={p.errors}
            />
            <TextArea
              name="reply"
              label="A polite reply to the sender"
              rows={4}
              value={s(p.values.reply)}
              errors={p.errors}
              hint="Leave empty to close without writing to the sender. Nothing is deleted."
            />
            <div class="form-actions">
              <button class="button button-danger" type="submit">
                Close the message
              </button>
            </div>
          </form>
          <form method="get" action={`${base}/merge`} class="form" novalidate>
            <Field
              name="into"
              label="Duplicate of (reference)"
              required
              value={s(p.values.into)}
              errors={p.errors}
              hint="For example IN-2026-0042. You confirm on the next page."
            />
            <div class="form-actions">
              <button class="button" type="submit">
                Merge…
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
