import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
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
import { tsvector } from "./search.js";

export const groupKinds = ["working_group", "tiger_team", "assessment_team"] as const;
export type GroupKind = (typeof groupKinds)[number];

/** Working groups and time-limited teams (tiger teams, gap assessment teams). */
export const workingGroups = pgTable(
  "working_groups",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    acronym: text("acronym"),
    name: text("name").notNull(),
    kind: text("kind", { enum: groupKinds }).notNull(),
    /** Markdown. */
    charter: text("charter").notNull().default(""),
    startedOn: date("started_on"),
    startedPrecision: text("started_precision", { enum: ["year", "month", "day"] }),
    endedOn: date("ended_on"),
    endedPrecision: text("ended_precision", { enum: ["year", "month", "day"] }),
    uncertain: boolean("uncertain").notNull().default(false),
    uncertainNote: text("uncertain_note"),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Full-text search vector (see features/search): name, acronym, charter; never the notes or sources. */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', name || ' ' || coalesce(acronym, '')), 'A') || setweight(to_tsvector('english', charter), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("working_groups_slug_key").on(t.slug),
    index("working_groups_search_idx").using("gin", t.search),
    /** Title matches alone, so ranking finds them without reading every matching vector. */
    index("working_groups_title_search_idx").using("gin", sql`to_tsvector('english', ${t.name})`),
    check("working_groups_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("working_groups_kind_check", sql`${t.kind} in ('working_group', 'tiger_team', 'assessment_team')`),
    check(
      "working_groups_dates_check",
      sql`${t.endedOn} is null or ${t.startedOn} is null or ${t.endedOn} >= ${t.startedOn}`,
    ),
  ],
);

/**
 * One agency's participation in a group over one period. Participation is optional: leaving sets
 * `left_on`, the row stays as history; an agency has at most one open membership per group.
 */
export const groupMemberships = pgTable(
  "group_memberships",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    joinedOn: date("joined_on").notNull(),
    leftOn: date("left_on"),
    uncertain: boolean("uncertain").notNull().default(false),
    note: text("note"),
  },
  (t) => [
    uniqueIndex("group_memberships_open_key").on(t.groupId, t.organisationId).where(sql`${t.leftOn} is null`),
    index("group_memberships_organisation_idx").on(t.organisationId),
    check("group_memberships_dates_check", sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
  ],
);

/** A group's chairs: a person on the platform, or (where no person is known) a free-text label. */
export const groupChairs = pgTable(
  "group_chairs",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    personId: integer("person_id").references(() => people.id, { onDelete: "cascade" }),
    /** E.g. "DLR and CNES (co-chairs)" when the chairing agencies are known but not the people. */
    label: text("label"),
    uncertain: boolean("uncertain").notNull().default(false),
  },
  (t) => [
    index("group_chairs_group_idx").on(t.groupId),
    uniqueIndex("group_chairs_person_key").on(t.groupId, t.personId),
    check("group_chairs_who_check", sql`${t.personId} is not null or ${t.label} is not null`),
  ],
);
