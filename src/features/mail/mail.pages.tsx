import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Hono } from "hono";
import type { OutboxStatus } from "../../db/schema/index.js";
import { maskAddress, redactMail } from "../../domain/redact-address.js";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { EmptyState, PageHeader, Tag } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { DataTable } from "../../web/table.js";
import { canSeeOutbox } from "./mail.policy.js";
import { findOutbox, latestOutbox, outboxCounts } from "./mail.queries.js";
import { emlFileName, outboxDir } from "./mail.transport.jobs.js";

const onlySecretariat = "Only the secretariat can see the outbox.";
const statusLabels: Record<OutboxStatus, string> = { queued: "Queued", sent: "Sent", failed: "Failed" };
const statusTones = { queued: "warn", sent: "ok", failed: "accent" } as const;

const StatusTag = ({ status }: { status: OutboxStatus }) => (
  <Tag tone={statusTones[status]}>{statusLabels[status]}</Tag>
);

/** The head of an .eml file (its headers), when the message was written to disk. */
async function emlHeaders(dir: string, id: number): Promise<string | undefined> {
  try {
    const raw = await readFile(join(dir, emlFileName(id)), "utf8");
    const end = raw.search(/\r?\n\r?\n/);
    return end < 0 ? raw : raw.slice(0, end);
  } catch {
    return undefined;
  }
}

/** The secretariat's view of outgoing mail: counts, recent messages, one message with secrets hidden. */
export function mailPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/outbox", async (c) => {
    authorize(canSeeOutbox(requirePerson(c)), onlySecretariat);
    const deps = c.var.deps;
    const counts = await outboxCounts(deps.db);
    const rows = await latestOutbox(deps.db, 50);
    const mode = deps.config.smtpUrl
      ? "Mail is delivered through the SMTP server set in SMTP_URL."
      : "No SMTP server is configured (SMTP_URL): messages are written as .eml files in the data directory's outbox folder.";
    return renderPrivate(c, {
      title: "E-mail outbox",
      body: () => (
        <>
          <PageHeader
            title="E-mail outbox"
            lead={mode}
            actions={<a href="/private/subscribers">News subscribers</a>}
          />
          <dl class="facts">
            {(["queued", "sent", "failed"] as const).map((s) => (
              <div>
                <dt>{statusLabels[s]}</dt>
                <dd>{counts[s]}</dd>
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
            rows={rows}
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
      ),
    });
  });

  app.get("/private/outbox/:id", async (c) => {
    authorize(canSeeOutbox(requirePerson(c)), onlySecretariat);
    const deps = c.var.deps;
    const m = await findOutbox(deps.db, idParam(c.req.param("id")));
    if (!m) throw notFound("The message");
    const eml = await emlHeaders(outboxDir(deps.config), m.id);
    return renderPrivate(c, {
      title: `Message: ${m.subject}`,
      body: () => (
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
              <h2 class="section">Headers of {emlFileName(m.id)}</h2>
              <pre class="mail-text">{redactMail(eml, m.toAddress)}</pre>
            </>
          ) : null}
          <h2 class="section">Text</h2>
          <pre class="mail-text">{redactMail(m.textBody, m.toAddress)}</pre>
        </>
      ),
    });
  });

  return app;
}
