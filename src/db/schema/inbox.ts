import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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
import { organisations, people } from "./directory.js";
import { workingGroups } from "./groups.js";

export const inputStatuses = [
  "unconfirmed",
  "new",
  "awaiting_sender",
  "forwarded",
  "answered",
  "spam",
  "out_of_scope",
  "merged",
  "withdrawn",
] as const;
export type InputStatus = (typeof inputStatuses)[number];

export const senderKinds = ["university", "company", "association", "individual", "other"] as const;
export type SenderKind = (typeof senderKinds)[number];

export const agencyInterests = ["interested", "not_interested"] as const;
export type AgencyInterest = (typeof agencyInterests)[number];

export const inputNoteKinds = ["agency_reply", "sender_addition", "question", "answer", "decline"] as const;
export type InputNoteKind = (typeof inputNoteKinds)[number];

/**
 * Input sent by academia, industry or the public through /contact. `unconfirmed` until the sender
 * follows the link mailed to them (its token kept only as a SHA-256); then it gets its reference
 * (`IN-2026-0042`) and reaches the secretariat. Personal fields are emptied on withdrawal or when the
 * retention period ends (`anonymised_at`); topic, kind and dates stay for the yearly counts.
 */
export const inboxMessages = pgTable(
  "inbox_messages",
  {
    id: serial("id").primaryKey(),
    reference: text("reference"),
    status: text("status", { enum: inputStatuses }).notNull().default("unconfirmed"),
    senderName: text("sender_name"),
    senderEmail: text("sender_email"),
    organisation: text("organisation"),
    senderKind: text("sender_kind", { enum: senderKinds }).notNull(),
    country: text("country"),
    topic: text("topic").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    consent: boolean("consent").notNull(),
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    groupId: integer("group_id").references(() => workingGroups.id, { onDelete: "set null" }),
    mergedIntoId: integer("merged_into_id"),
    forwardReason: text("forward_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    forwardedAt: timestamp("forwarded_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("inbox_messages_reference_key").on(t.reference),
    uniqueIndex("inbox_messages_token_key").on(t.confirmTokenHash),
    index("inbox_messages_status_idx").on(t.status, t.confirmedAt),
    check(
      "inbox_messages_status_check",
      sql`${t.status} in ('unconfirmed', 'new', 'awaiting_sender', 'forwarded', 'answered', 'spam', 'out_of_scope', 'merged', 'withdrawn')`,
    ),
    check(
      "inbox_messages_kind_check",
      sql`${t.senderKind} in ('university', 'company', 'association', 'individual', 'other')`,
    ),
    check(
      "inbox_messages_reference_check",
      sql`${t.reference} is null or ${t.reference} ~ '^IN-[0-9]{4}-[0-9]{4,}$'`,
    ),
    check(
      "inbox_messages_confirmed_has_reference",
      sql`${t.status} = 'unconfirmed' or ${t.reference} is not null`,
    ),
  ],
);

/** PDFs sent with a message; the bytes are in `stored_files`, removed with the message's personal data. */
export const inboxAttachments = pgTable(
  "inbox_attachments",
  {
    id: serial("id").primaryKey(),
    messageId: integer("message_id")
      .notNull()
      .references(() => inboxMessages.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    sha256: text("sha256").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
  },
  (t) => [
    index("inbox_attachments_message_idx").on(t.messageId),
    check("inbox_attachments_sha_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** One forwarded message in one agency's inbox, and where that agency stands with it. */
export const inboxDeliveries = pgTable(
  "inbox_deliveries",
  {
    id: serial("id").primaryKey(),
    messageId: integer("message_id")
      .notNull()
      .references(() => inboxMessages.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    forwardedAt: timestamp("forwarded_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    interest: text("interest", { enum: agencyInterests }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("inbox_deliveries_key").on(t.messageId, t.organisationId),
    index("inbox_deliveries_org_idx").on(t.organisationId),
    check(
      "inbox_deliveries_interest_check",
      sql`${t.interest} is null or ${t.interest} in ('interested', 'not_interested')`,
    ),
  ],
);

/**
 * What was written about a message after it arrived: an agency's reply to the secretariat (seen by
 * the secretariat and that agency only), the secretariat's question to the sender and the sender's
 * addition, the consolidated answer, a polite decline. Rows are only inserted.
 */
export const inboxNotes = pgTable(
  "inbox_notes",
  {
    id: serial("id").primaryKey(),
    messageId: integer("message_id")
      .notNull()
      .references(() => inboxMessages.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: inputNoteKinds }).notNull(),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "restrict" }),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("inbox_notes_message_idx").on(t.messageId),
    check(
      "inbox_notes_kind_check",
      sql`${t.kind} in ('agency_reply', 'sender_addition', 'question', 'answer', 'decline')`,
    ),
    check(
      "inbox_notes_reply_has_agency",
      sql`${t.kind} <> 'agency_reply' or ${t.organisationId} is not null`,
    ),
  ],
);
