import { raw } from "hono/html";
import { TableScroll } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { renderMarkdown } from "../../../web/markdown.js";
import type { InputRecord } from "../inbox.queries.js";
import { interestLabels, senderKindLabels } from "../inbox.schemas.js";
import { StatusTag } from "./inbox-lists.js";

const when = (d: Date | null) => (d ? formatTimestamp(d) : "—");

/** The message as sent: sender, topic, text and files (personal data only for those allowed to see it). */
export function MessageView({ m }: { m: InputRecord }) {
  const removed = m.anonymisedAt !== null;
  return (
    <>
      <dl class="details">
        <dt>Status</dt>
        <dd>
          <StatusTag status={m.status} />
        </dd>
        <dt>From</dt>
        <dd class="break-anywhere">
          {removed ? (
            "(personal data removed)"
          ) : (
            <>
              {m.senderName}, <a href={`mailto:${m.senderEmail}`}>{m.senderEmail}</a>
            </>
          )}
        </dd>
        <dt>Organisation</dt>
        <dd>
          {removed ? "—" : m.organisation || "—"} ({senderKindLabels[m.senderKind]})
          {m.country ? `, ${m.country}` : ""}
        </dd>
        <dt>Topic</dt>
        <dd>{m.topic}</dd>
        <dt>Received</dt>
        <dd>{when(m.confirmedAt)}</dd>
        {m.tags.length || m.groupName ? (
          <>
            <dt>Tags and group</dt>
            <dd>{[m.tags.join(", "), m.groupName].filter(Boolean).join(" · ")}</dd>
          </>
        ) : null}
      </dl>
      <section class="section">
        <h2>Message</h2>
        {removed ? (
          <p class="muted">The text was removed with the sender's personal data.</p>
        ) : (
          <div class="prose">{raw(renderMarkdown(m.body))}</div>
        )}
        {m.attachments.length ? (
          <>
            <h3>Files</h3>
            <ul>
              {m.attachments.map((a) => (
                <li>
                  <a href={`/private/inbox/${m.id}/files/${a.id}`}>{a.name}</a>{" "}
                  <span class="muted">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

type Note = InputRecord["notes"][number];
const noteTitle: Record<Note["kind"], (n: Note) => string> = {
  agency_reply: (n) => `${n.acronym} replied to the secretariat`,
  sender_addition: () => "The sender added",
  question: () => "The secretariat asked the sender",
  answer: () => "The secretariat answered the sender",
  decline: () => "The secretariat replied to the sender",
};

/** Notes in the order they were written. */
export function NoteList({ notes, title }: { notes: Note[]; title: string }) {
  if (notes.length === 0) return null;
  return (
    <section class="section">
      <h2>{title}</h2>
      {notes.map((n) => (
        <article class="callout">
          <h3>
            {noteTitle[n.kind](n)}, {formatTimestamp(n.createdAt)}
          </h3>
          <p class="muted">{n.authorName}</p>
          <div class="prose">{raw(renderMarkdown(n.body))}</div>
        </article>
      ))}
    </section>
  );
}

/** The secretariat's view of every receiving agency and where it stands. */
export function AgencyStandings({ m }: { m: InputRecord }) {
  if (m.deliveries.length === 0) return null;
  const replies = (orgId: number) =>
    m.notes.filter((n) => n.kind === "agency_reply" && n.organisationId === orgId).length;
  const acknowledged = m.deliveries.filter((d) => d.acknowledgedAt).length;
  return (
    <section class="section">
      <h2>Agencies</h2>
      <p>
        Forwarded to {m.deliveries.length === 1 ? "1 agency" : `${m.deliveries.length} agencies`}
        {m.forwardReason ? ` (${m.forwardReason})` : ""}; {acknowledged} acknowledged.
      </p>
      <TableScroll label="Where each agency stands">
        <table>
          <caption class="visually-hidden">Where each agency stands</caption>
          <thead>
            <tr>
              <th scope="col">Agency</th>
              <th scope="col">Read</th>
              <th scope="col">Acknowledged</th>
              <th scope="col">Interest</th>
              <th scope="col">Replies</th>
              <th scope="col">Reminded</th>
            </tr>
          </thead>
          <tbody>
            {m.deliveries.map((d) => (
              <tr>
                <th scope="row">{d.acronym}</th>
                <td>{when(d.readAt)}</td>
                <td>{when(d.acknowledgedAt)}</td>
                <td>{d.interest ? interestLabels[d.interest] : "—"}</td>
                <td>{replies(d.organisationId) || "—"}</td>
                <td>{when(d.remindedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
