import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { canSeeOutbox } from "./mail.policy.js";
import { findOutbox, latestOutbox, outboxCounts } from "./mail.queries.js";
import { emlFileName, outboxDir } from "./mail.transport.jobs.js";
import { Outbox, OutboxMessage } from "./views/outbox.js";

const reader = personAllowedBy(canSeeOutbox, "Only the secretariat can see the outbox.");

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

async function outbox(c: AppContext) {
  reader(c);
  const deps = c.var.deps;
  const counts = await outboxCounts(deps.db);
  const rows = await latestOutbox(deps.db, 50);
  const mode = deps.config.smtpUrl
    ? "Mail is delivered through the SMTP server set in SMTP_URL."
    : "No SMTP server is configured (SMTP_URL): messages are written as .eml files in the data directory's outbox folder.";
  return renderPrivate(c, {
    title: "E-mail outbox",
    body: () => <Outbox mode={mode} counts={counts} rows={rows} />,
  });
}

async function outboxMessage(c: AppContext) {
  reader(c);
  const deps = c.var.deps;
  const m = await findOutbox(deps.db, idParam(c.req.param("id")));
  if (!m) throw notFound("The message");
  const headers = await emlHeaders(outboxDir(deps.config), m.id);
  return renderPrivate(c, {
    title: `Message: ${m.subject}`,
    body: () => <OutboxMessage m={m} eml={headers ? { fileName: emlFileName(m.id), headers } : undefined} />,
  });
}

/** The secretariat's view of outgoing mail: counts, recent messages, one message with secrets hidden. */
export const mailPages = pageGroup([
  ["GET", "/private/outbox", outbox],
  ["GET", "/private/outbox/:id", outboxMessage],
]);
