import { raw } from "hono/html";
import type { InputNoteKind, InputStatus } from "../../../db/schema/index.js";
import { formatTimestamp } from "../../../web/format.js";
import { renderMarkdown } from "../../../web/markdown.js";

type Note = { kind: InputNoteKind; body: string; createdAt: Date };
type Message = {
  status: InputStatus;
  confirmedAt: Date | null;
  forwardedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
};

const noteTitles: Partial<Record<InputNoteKind, string>> = {
  question: "The secretariat asked",
  answer: "The answer",
  decline: "The secretariat wrote",
  sender_addition: "You added",
};

const closedText: Partial<Record<InputStatus, string>> = {
  spam: "Closed: the secretariat will not pass this message on.",
  out_of_scope: "Closed: the secretariat found it outside the forum's remit and did not pass it on.",
  merged: "Combined with another message on the same subject, which the secretariat follows up.",
  withdrawn: "Withdrawn: your personal details, text and files were removed.",
};

/** Where a message stands, as its sender sees it: the steps, never the agencies' internal notes. */
export function InputStatusView({ message: m, notes }: { message: Message; notes: Note[] }) {
  const at = (d: Date | null) => (d ? ` on ${formatTimestamp(d)}` : "");
  const closed = closedText[m.status];
  return (
    <>
      <h2>Where it stands</h2>
      <ol class="input-steps">
        <li class={m.confirmedAt ? "done" : ""}>Received by the secretariat{at(m.confirmedAt)}</li>
        <li class={m.forwardedAt ? "done" : ""}>
          {m.forwardedAt
            ? `Forwarded to the member agencies${at(m.forwardedAt)}`
            : "Forwarded to the member agencies"}
        </li>
        <li class={m.answeredAt ? "done" : ""}>
          {m.answeredAt ? `Answered${at(m.answeredAt)}` : "Answered"}
        </li>
      </ol>
      {m.status === "awaiting_sender" ? (
        <p class="notice" role="status">
          The secretariat asked you for more information (see below).
        </p>
      ) : null}
      {closed ? <p class="callout">{closed}</p> : null}
      {notes.length ? (
        <section class="section">
          <h2>Messages</h2>
          {notes.map((n) => (
            <article class="callout">
              <h3>
                {noteTitles[n.kind] ?? "Note"}, {formatTimestamp(n.createdAt)}
              </h3>
              <div class="prose">{raw(renderMarkdown(n.body))}</div>
            </article>
          ))}
        </section>
      ) : null}
    </>
  );
}
