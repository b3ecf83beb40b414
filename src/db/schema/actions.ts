import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations, people } from "./directory.js";
import { workingGroups } from "./groups.js";
import { meetings } from "./meetings.js";

export const deliverableStatuses = ["planned", "in_progress", "done", "dropped"] as const;
export type DeliverableStatus = (typeof deliverableStatuses)[number];

/** A group's workplan: what it means to produce, who owns it, by when, and what it produced. */
export const groupDeliverables = pgTable(
  "group_deliverables",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerOrganisationId: integer("owner_organisation_id").references(() => organisations.id),
    ownerPersonId: integer("owner_person_id").references(() => people.id),
    dueOn: date("due_on"),
    status: text("status", { enum: deliverableStatuses }).notNull().default("planned"),
    /** What it produced: a publication's address or any URL. */
    linkUrl: text("link_url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("group_deliverables_group_idx").on(t.groupId),
    check(
      "group_deliverables_status_check",
      sql`${t.status} in ('planned', 'in_progress', 'done', 'dropped')`,
    ),
  ],
);

/** A group's outlook for one year, Markdown. */
export const groupOutlooks = pgTable(
  "group_outlooks",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("group_outlooks_year_key").on(t.groupId, t.year),
    check("group_outlooks_year_check", sql`${t.year} between 1990 and 2200`),
  ],
);

export const actionStatuses = ["open", "in_progress", "closed", "dropped"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** The action register: owned by an agency and/or a person, carried across meetings until closed. */
export const actionItems = pgTable(
  "action_items",
  {
    id: serial("id").primaryKey(),
    /** The number people quote ("A-12"), unique across the forum. */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    /** Markdown. */
    description: text("description").notNull().default(""),
    ownerOrganisationId: integer("owner_organisation_id").references(() => organisations.id),
    ownerPersonId: integer("owner_person_id").references(() => people.id),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: actionStatuses }).notNull().default("open"),
    groupId: integer("group_id").references(() => workingGroups.id),
    raisedInMeetingId: integer("raised_in_meeting_id").references(() => meetings.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("action_items_number_key").on(t.number),
    index("action_items_status_due_idx").on(t.status, t.dueOn),
    index("action_items_owner_org_idx").on(t.ownerOrganisationId),
    check(
      "action_items_owner_check",
      sql`${t.ownerOrganisationId} is not null or ${t.ownerPersonId} is not null`,
    ),
    check("action_items_status_check", sql`${t.status} in ('open', 'in_progress', 'closed', 'dropped')`),
    check("action_items_number_check", sql`${t.number} > 0`),
  ],
);

/**
 * The append-only history of an action: creation, status changes with notes, and the meetings at
 * which it was reviewed. Rows are only ever inserted.
 */
export const actionEvents = pgTable(
  "action_events",
  {
    id: serial("id").primaryKey(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actionItems.id, { onDelete: "cascade" }),
    fromStatus: text("from_status", { enum: actionStatuses }),
    toStatus: text("to_status", { enum: actionStatuses }).notNull(),
    /** The meeting at which the action was reviewed, if any. */
    meetingId: integer("meeting_id").references(() => meetings.id),
    note: text("note"),
    actorId: integer("actor_id").references(() => people.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_events_action_idx").on(t.actionId, t.at)],
);

/** Personal calendar feed tokens: only the SHA-256 of the token is kept; one live token per person. */
export const calendarTokens = pgTable(
  "calendar_tokens",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_tokens_hash_key").on(t.tokenHash),
    uniqueIndex("calendar_tokens_live_key").on(t.personId).where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * One row per reminder ever sent ("meeting-week:42"): the unique key is what makes each reminder go
 * out exactly once, whichever instance's clock gets there first.
 */
export const reminderLog = pgTable(
  "reminder_log",
  {
    id: serial("id").primaryKey(),
    key: text("key").notNull(),
    kind: text("kind").notNull(),
    recipients: integer("recipients").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("reminder_log_key").on(t.key)],
);
