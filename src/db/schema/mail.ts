import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const outboxStatuses = ["queued", "sent", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Mail waiting to be delivered, and what became of it. Features insert rows inside their own
 * transaction (so a mail exists iff the write committed); the mail worker delivers them.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: serial("id").primaryKey(),
    /** What kind of mail this is (e.g. "subscription.confirm", "news"), for the outbox page. */
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    status: text("status", { enum: outboxStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Same key, same mail: a second insert is ignored (e.g. `news:<articleId>:<subscriberId>`). */
    dedupeKey: text("dedupe_key"),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_key").on(t.dedupeKey),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_created_idx").on(t.createdAt),
    check("outbox_status_check", sql`${t.status} in ('queued', 'sent', 'failed')`),
    check("outbox_attempts_check", sql`${t.attempts} >= 0`),
  ],
);

/**
 * Addresses that refused mail permanently (an SMTP 5xx answer): no more mail is queued to them, and
 * the secretariat sees it on the person's record. Keyed by the lower-cased address.
 */
export const mailSuppressions = pgTable("mail_suppressions", {
  address: text("address").primaryKey(),
  reason: text("reason").notNull(),
  outboxId: integer("outbox_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
