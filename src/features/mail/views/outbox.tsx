import type { OutboxStatus } from "../../../db/schema/index.js";
import { maskAddress, redactMail } from "../../../domain/redact-address.js";
import { EmptyState, PageHeader, Tag } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { DataTable } from "../../../web/table.js";
import type { findOutbox, latestOutbox } from "../mail.queries.js";

const statusLabels: Record<OutboxStatus, string> = { queued: "Queued", sent: "Sent", failed: "Failed" };
const statusTones = { queued: "warn", sent: "ok", failed: "accent" } as const;

const StatusTag = ({ status }: { status: OutboxStatus }) => (
  <Tag tone={statusTones[status]}>{statusLabels[status]}</Tag>
);

/** The outbox: how mail leaves, the count in each state, and the latest messages with secrets hidden. */
export function Outbox(p: {
  mode: string;
  counts: Record<OutboxStatus, number>;
  rows: Awaited<ReturnType<typeof latestOutbox>>;
}) {
  return (
    <>
      <PageHeader
        title="E-mail outbox"
        lead={p.mode}
        actions={<a href="/private/subscribers">News subscribers</a>}
      />
      <dl class="facts">
        {(["queued", "sent", "failed"] as const).map((s) => (
          <div>
            <dt>{statusLabels[s]}</dt>
            <dd>{p.counts[s]}</dd>
          </div>
        ))}
      </dl>
      <h2 class="section">Latest messages</h2>
      <p class="muted small">
        Recipients are shortened and links that act for the recipient are hidden. Failed deliveries are
        retried after 1, 2, 4 … minutes (at most an hour apart) before the message is marked failed.
      </p>
      <DataTable
        label="Latest messages"
        caption="Latest messages, newest first"
        rows={p.rows}
        rowHeader={false}
        empty={
          <EmptyState title="No mail yet">Messages appear here when the platform sends mail.</EmptyState>
        }
        columns={[
          { heading: "Queued", class: "nowrap small", cell: (m) => formatTimestamp(m.createdAt) },
          {
            heading: "Subject",
            cell: (m) => (
              <>
                <a href={`/private/outbox/${m.id}`}>{m.subject}</a>
                <div class="small muted">{m.kind}</div>
              </>
            ),
          },
          { heading: "To", cell: (m) => maskAddress(m.toAddress) },
          { heading: "Status", cell: (m) => <StatusTag status={m.status} /> },
          { heading: "Attempts", cell: (m) => m.attempts },
          {
            heading: "Next try, or sent",
            class: "nowrap small",
            cell: (m) =>
              m.status === "sent" && m.sentAt
                ? formatTimestamp(m.sentAt)
                : m.status === "queued"
                  ? formatTimestamp(m.nextAttemptAt)
                  : "—",
          },
          { heading: "Last error", class: "small", cell: (m) => m.lastError ?? "—" },
        ]}
      />
    </>
  );
}

/** One message: its facts, the headers of its .eml file when there is one, and its text, redacted. */
export function OutboxMessage(p: {
  m: NonNullable<Awaited<ReturnType<typeof findOutbox>>>;
  eml?: { fileName: string; headers: string };
}) {
  const { m, eml } = p;
  return (
    <>
      <p class="breadcrumb">
        <a href="/private/outbox">← Outbox</a>
      </p>
      <PageHeader title={m.subject} lead={<StatusTag status={m.status} />} />
      <dl class="details">
        <dt>To</dt>
        <dd>{maskAddress(m.toAddress)}</dd>
        <dt>Kind</dt>
        <dd>{m.kind}</dd>
        <dt>Queued</dt>
        <dd>{formatTimestamp(m.createdAt)}</dd>
        <dt>Attempts</dt>
        <dd>{m.attempts}</dd>
        {m.sentAt ? (
          <>
            <dt>Sent</dt>
            <dd>{formatTimestamp(m.sentAt)}</dd>
          </>
        ) : null}
        {m.lastError ? (
          <>
            <dt>Last error</dt>
            <dd>{m.lastError}</dd>
          </>
        ) : null}
      </dl>
      {eml ? (
        <>
          <h2 class="section">Headers of {eml.fileName}</h2>
          <pre class="mail-text">{redactMail(eml.headers, m.toAddress)}</pre>
        </>
      ) : null}
      <h2 class="section">Text</h2>
      <pre class="mail-text">{redactMail(m.textBody, m.toAddress)}</pre>
    </>
  );
}
