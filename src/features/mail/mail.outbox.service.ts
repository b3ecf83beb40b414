import { and, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { mailSuppressions, outbox, people } from "../../db/schema/index.js";
import { categoryOf } from "./mail.preferences.service.js";

/** A mail as features hand it to the outbox. */
export type MailMessage = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
  /** A mail with a key already in the outbox is not queued again. */
  dedupeKey?: string | null;
};

/** Which of these addresses refused mail permanently (lower-cased). */
export async function suppressedAmong(db: Db, addresses: string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const lower = [...new Set(addresses.map((a) => a.toLowerCase()))];
  const rows: Array<{ address: string }> = [];
  for (let i = 0; i < lower.length; i += 1000) {
    rows.push(
      ...(await db
        .select({ address: mailSuppressions.address })
        .from(mailSuppressions)
        .where(inArray(mailSuppressions.address, lower.slice(i, i + 1000)))),
    );
  }
  return new Set(rows.map((r) => r.address));
}

/** "address category" pairs for the messages whose recipients turned that kind of mail off. */
async function optOutsAmong(db: Db, messages: MailMessage[]): Promise<Set<string>> {
  const addresses = [...new Set(messages.filter((m) => categoryOf(m.kind)).map((m) => m.to.toLowerCase()))];
  const out = new Set<string>();
  for (let i = 0; i < addresses.length; i += 1000) {
    const rows = await db
      .select({ email: people.email, optOut: people.mailOptOut })
      .from(people)
      .where(
        and(
          inArray(sql`lower(${people.email})`, addresses.slice(i, i + 1000)),
          sql`cardinality(${people.mailOptOut}) > 0`,
        ),
      );
    for (const r of rows) for (const c of r.optOut) out.add(`${r.email.toLowerCase()} ${c}`);
  }
  return out;
}

/**
 * Queues mail for the worker. Call it with the transaction of the write that causes the mail,
 * so the mail exists if and only if that write commits. Returns how many were newly queued
 * (messages whose dedupe key is already in the outbox are skipped).
 */
export async function enqueueMail(
  tx: Db,
  message: MailMessage | MailMessage[],
  now: Date = new Date(),
): Promise<number> {
  const all = [message].flat();
  const suppressed = await suppressedAmong(
    tx,
    all.map((m) => m.to),
  );
  const optedOut = await optOutsAmong(tx, all);
  // Addresses that refused mail permanently get no more (the secretariat sees it on the person's record),
  // and people get only the kinds of mail they chose.
  const list = all.filter(
    (m) =>
      !suppressed.has(m.to.toLowerCase()) && !optedOut.has(`${m.to.toLowerCase()} ${categoryOf(m.kind)}`),
  );
  let queued = 0;
  // Chunks keep each statement well under the parameter limit for large subscriber lists.
  for (let i = 0; i < list.length; i += 500) {
    const rows = await tx
      .insert(outbox)
      .values(
        list.slice(i, i + 500).map((m) => ({
          kind: m.kind,
          toAddress: m.to,
          subject: m.subject,
          textBody: m.text,
          htmlBody: m.html ?? null,
          headers: m.headers ?? {},
          dedupeKey: m.dedupeKey ?? null,
          createdAt: now,
          nextAttemptAt: now,
        })),
      )
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ id: outbox.id });
    queued += rows.length;
  }
  return queued;
}
