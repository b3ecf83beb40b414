import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations, people } from "./directory.js";
import { meetings } from "./meetings.js";

export const registrationModes = ["in_person", "virtual"] as const;
export type RegistrationMode = (typeof registrationModes)[number];

/** One person's registration for a meeting; managers mark who attended. */
export const meetingRegistrations = pgTable(
  "meeting_registrations",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    attendance: text("attendance", { enum: registrationModes }).notNull(),
    attended: boolean("attended").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("meeting_registrations_person_key").on(t.meetingId, t.personId),
    check("meeting_registrations_attendance_check", sql`${t.attendance} in ('in_person', 'virtual')`),
  ],
);

/** An item of a meeting's agenda, in `position` order; time is local to the meeting ("09:30"). */
export const agendaItems = pgTable(
  "agenda_items",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    startTime: text("start_time"),
    durationMinutes: integer("duration_minutes"),
    presenterOrganisationId: integer("presenter_organisation_id").references(() => organisations.id),
    presenterPersonId: integer("presenter_person_id").references(() => people.id, { onDelete: "set null" }),
    /** Markdown. */
    notes: text("notes").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("agenda_items_meeting_idx").on(t.meetingId, t.position),
    check(
      "agenda_items_time_check",
      sql`${t.startTime} is null or ${t.startTime} ~ '^[0-2][0-9]:[0-5][0-9]$'`,
    ),
    check(
      "agenda_items_duration_check",
      sql`${t.durationMinutes} is null or ${t.durationMinutes} between 1 and 1440`,
    ),
  ],
);

/** Files presented under an agenda item, stored by SHA-256 like publications; members only. */
export const agendaItemFiles = pgTable(
  "agenda_item_files",
  {
    id: serial("id").primaryKey(),
    agendaItemId: integer("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    size: integer("size").notNull(),
    uploadedBy: integer("uploaded_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("agenda_item_files_item_idx").on(t.agendaItemId),
    check("agenda_item_files_sha_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * Minutes of a meeting as versions: each edit adds a row, none is ever changed except to record
 * its approval at a later meeting.
 */
export const meetingMinutes = pgTable(
  "meeting_minutes",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** Markdown. */
    text: text("text").notNull(),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    approvedAtMeetingId: integer("approved_at_meeting_id").references(() => meetings.id),
    approvedById: integer("approved_by_id").references(() => people.id, { onDelete: "set null" }),
    approvedByName: text("approved_by_name"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("meeting_minutes_version_key").on(t.meetingId, t.version),
    check("meeting_minutes_version_check", sql`${t.version} > 0`),
    check(
      "meeting_minutes_approval_check",
      sql`(${t.approvedAtMeetingId} is null) = (${t.approvedAt} is null)`,
    ),
  ],
);
