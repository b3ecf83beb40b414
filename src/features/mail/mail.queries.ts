import { count, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { mailSuppressions, type OutboxStatus, outbox } from "../../db/schema/index.js";

/** How many messages are in each state. */
export async function outboxCounts(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const out: Record<OutboxStatus, number> = { queued: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** The latest messages, newest first, without their bodies. */
export function latestOutbox(db: Db, limit = 50) {
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** One message with its bodies. */
export async function findOutbox(db: Db, id: number) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

/** Why mail to this address stopped, and since when; undefined while mail still goes to it. */
export async function findMailSuppression(db: Db, address: string) {
  const [row] = await db
    .select()
    .from(mailSuppressions)
    .where(eq(mailSuppressions.address, address.toLowerCase()));
  return row;
}
