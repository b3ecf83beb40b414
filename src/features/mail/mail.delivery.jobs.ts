import { and, eq, sql } from "drizzle-orm";
import { mailSuppressions, outbox } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { MailTransport, OutboxRow } from "./mail.transport.jobs.js";

/** How the worker paces itself. */
export const deliveryRules = {
  /** Messages claimed per tick. */
  batch: 20,
  /** A claimed message is hidden from other instances this long while it is being sent. */
  leaseMs: 5 * 60_000,
  /** The first retry waits this long; each later one twice as long as the one before... */
  firstRetryMs: 60_000,
  /** ...up to this. */
  maxRetryMs: 60 * 60_000,
  /** After this many failed attempts the message is marked failed. */
  maxAttempts: 8,
} as const;

/** The wait after the `attempts`-th failure: 1 min, 2, 4, ... capped at one hour. */
export function retryDelayMs(attempts: number): number {
  const exp = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(deliveryRules.firstRetryMs * 2 ** exp, deliveryRules.maxRetryMs);
}

/**
 * Claims due messages: counts the attempt and pushes `next_attempt_at` past the lease in one
 * statement. `FOR UPDATE SKIP LOCKED` makes instances that claim at the same moment take
 * different rows; if an instance dies while sending, the message is due again after the lease.
 */
async function claimDue(deps: Deps, now: Date): Promise<OutboxRow[]> {
  const leaseEnd = new Date(now.getTime() + deliveryRules.leaseMs);
  const due = sql`select ${outbox.id} from ${outbox}
    where ${outbox.status} = 'queued' and ${outbox.nextAttemptAt} <= ${now}
    order by ${outbox.nextAttemptAt}, ${outbox.id}
    limit ${deliveryRules.batch}
    for update skip locked`;
  return deps.db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseEnd })
    .where(sql`${outbox.id} in (${due})`)
    .returning();
}

async function markSent(deps: Deps, m: OutboxRow, now: Date) {
  await deps.db
    .update(outbox)
    .set({ status: "sent", sentAt: now, lastError: null })
    .where(and(eq(outbox.id, m.id), eq(outbox.status, "queued")));
}

/** True for an SMTP answer that will not change on a retry (5xx: no such mailbox, refused …). */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

async function markFailure(deps: Deps, m: OutboxRow, now: Date, error: unknown) {
  const permanent = isPermanentFailure(error);
  const giveUp = permanent || m.attempts >= deliveryRules.maxAttempts;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (permanent) {
    // A dead address is not retried forever: no more mail is queued to it (see enqueueMail).
    await deps.db
      .insert(mailSuppressions)
      .values({ address: m.toAddress.toLowerCase(), reason: message, outboxId: m.id, createdAt: now })
      .onConflictDoNothing();
  }
  await deps.db
    .update(outbox)
    .set({
      status: giveUp ? "failed" : "queued",
      lastError: message,
      nextAttemptAt: new Date(now.getTime() + (giveUp ? 0 : retryDelayMs(m.attempts))),
    })
    .where(and(eq(outbox.id, m.id), eq(outbox.status, "queued")));
  return giveUp;
}

/** What one tick did. */
export type DeliveryReport = { sent: number; retrying: number; failed: number };

/**
 * The worker's tick: delivers every due message once. Delivery bookkeeping is not audited (it
 * would flood the audit log and shows on no public page); the outbox row itself is the record.
 */
export async function deliverDueMail(
  deps: Deps,
  transport: MailTransport,
  now: Date = deps.now(),
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const claimed = await claimDue(deps, now);
  for (const m of claimed) {
    try {
      await transport.send(m);
      await markSent(deps, m, now);
      report.sent++;
    } catch (e) {
      if (await markFailure(deps, m, now, e)) {
        report.failed++;
        deps.log.error("mail delivery gave up", { outboxId: m.id, attempts: m.attempts, error: String(e) });
      } else {
        report.retrying++;
        deps.log.warn("mail delivery failed, will retry", { outboxId: m.id, attempts: m.attempts });
      }
    }
  }
  return report;
}
