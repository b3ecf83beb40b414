import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations } from "./directory.js";
import { workingGroups } from "./groups.js";
import { tsvector } from "./search.js";

export const meetingKinds = ["sam_meeting", "workshop", "group_meeting", "teleconference"] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingModes = ["in_person", "virtual", "hybrid"] as const;
export type MeetingMode = (typeof meetingModes)[number];
/** How precisely the dates are known: exact times, days only (old records), or only a month or year. */
export const meetingPrecisions = ["time", "day", "month", "year"] as const;
export type MeetingPrecision = (typeof meetingPrecisions)[number];

/** Meetings of the forum and its groups. Times are instants; `time_zone` is where they are shown. */
export const meetings = pgTable(
  "meetings",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: meetingKinds }).notNull(),
    title: text("title").notNull(),
    hostOrganisationId: integer("host_organisation_id").references(() => organisations.id),
    place: text("place"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** An IANA time zone name such as Europe/Berlin. */
    timeZone: text("time_zone").notNull(),
    precision: text("precision", { enum: meetingPrecisions }).notNull().default("time"),
    mode: text("mode", { enum: meetingModes }).notNull(),
    /** For signed-in members only: never on public pages, feeds or the public API. */
    videoUrl: text("video_url"),
    groupId: integer("group_id").references(() => workingGroups.id),
    /** Public summary or communiqué, Markdown. */
    summary: text("summary").notNull().default(""),
    /** Public meetings are listed for visitors and in the public calendar feed. */
    public: boolean("public").notNull().default(true),
    /** Attendance as the sources report it, when the list of agencies is not known. */
    reportedAttendance: integer("reported_attendance"),
    uncertain: boolean("uncertain").notNull().default(false),
    uncertainNote: text("uncertain_note"),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Full-text search vector (see features/search): title, place, summary; never the notes or sources. */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(place, '')), 'B') || setweight(to_tsvector('english', summary), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("meetings_slug_key").on(t.slug),
    index("meetings_search_idx").using("gin", t.search),
    /** Title matches alone, so ranking finds them without reading every matching vector. */
    index("meetings_title_search_idx").using("gin", sql`to_tsvector('english', ${t.title})`),
    index("meetings_starts_idx").on(t.startsAt),
    check("meetings_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("meetings_dates_check", sql`${t.endsAt} >= ${t.startsAt}`),
    check(
      "meetings_kind_check",
      sql`${t.kind} in ('sam_meeting', 'workshop', 'group_meeting', 'teleconference')`,
    ),
    check("meetings_mode_check", sql`${t.mode} in ('in_person', 'virtual', 'hybrid')`),
    check("meetings_attendance_check", sql`${t.reportedAttendance} is null or ${t.reportedAttendance} >= 0`),
  ],
);

/** The agencies that attended a meeting (recorded by the secretariat); attendance counts agencies. */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.organisationId] })],
);

/**
 * Decisions taken at a meeting, numbered within it ("SAM-2024-1/D3"); a SAM meeting's decision is
 * what endorses a consensus product.
 */
export const meetingDecisions = pgTable(
  "meeting_decisions",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    /** Markdown. */
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("meeting_decisions_number_key").on(t.meetingId, t.number),
    check("meeting_decisions_number_check", sql`${t.number} > 0`),
  ],
);

/**
 * The sessions of a meeting over its days (a plenary, working-group sessions, a public workshop),
 * each possibly in another room or online. Times are instants, shown in the meeting's time zone.
 */
export const meetingSessions = pgTable(
  "meeting_sessions",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** Room, building or "online"; the meeting's place when empty. */
    place: text("place"),
    /** Plain text, public like the meeting itself. */
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("meeting_sessions_meeting_idx").on(t.meetingId, t.startsAt),
    check("meeting_sessions_times_check", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
