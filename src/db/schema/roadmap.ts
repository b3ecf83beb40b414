import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations } from "./directory.js";
import { tsvector } from "./search.js";

export const destinations = [
  "leo",
  "cislunar",
  "lunar_orbit",
  "lunar_surface",
  "mars",
  "small_bodies",
  "other",
] as const;
export type Destination = (typeof destinations)[number];

export const missionStatuses = [
  "operating",
  "funded",
  "in_formulation",
  "concept",
  "completed",
  "cancelled",
] as const;
export type MissionStatus = (typeof missionStatuses)[number];

export const datePrecisions = ["year", "quarter", "month", "day"] as const;
export type DatePrecision = (typeof datePrecisions)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * Agencies' missions, the stuff of the Global Exploration Roadmap. A mission led by a non-member
 * (a company, a non-member agency) has no lead organisation and names its lead in `lead_other`.
 */
export const missions = pgTable(
  "missions",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    leadOrganisationId: integer("lead_organisation_id").references(() => organisations.id, {
      onDelete: "restrict",
    }),
    leadOther: text("lead_other"),
    otherPartners: jsonb("other_partners").$type<string[]>().notNull().default([]),
    destination: text("destination", { enum: destinations }).notNull(),
    crewed: boolean("crewed").notNull().default(false),
    launchOn: date("launch_on"),
    launchPrecision: text("launch_precision", { enum: datePrecisions }),
    endsOn: date("ends_on"),
    endPrecision: text("end_precision", { enum: datePrecisions }),
    status: text("status", { enum: missionStatuses }).notNull(),
    instruments: jsonb("instruments").$type<string[]>().notNull().default([]),
    studiesPolarVolatiles: boolean("studies_polar_volatiles").notNull().default(false),
    description: text("description"),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    uncertain: boolean("uncertain").notNull().default(false),
    uncertaintyNote: text("uncertainty_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Full-text search vector (see features/search); never the sources or the uncertainty note. */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('english', coalesce(lead_other, '')), 'C') || setweight(jsonb_to_tsvector('english', other_partners, '["string"]'), 'C') || setweight(jsonb_to_tsvector('english', instruments, '["string"]'), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("missions_slug_key").on(t.slug),
    index("missions_search_idx").using("gin", t.search),
    /** Title matches alone, so ranking finds them without reading every matching vector. */
    index("missions_title_search_idx").using("gin", sql`to_tsvector('english', ${t.name})`),
    /** An agency's missions; with the date, the home page's "not updated for a year" reads only those. */
    index("missions_lead_updated_idx").on(t.leadOrganisationId, t.updatedAt),
    /** The private list's order (launch date, undated last, name), read one page at a time. */
    index("missions_list_order_idx").on(t.launchOn, t.name, t.id),
    check("missions_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("missions_destination_check", sql`${t.destination} in (${inList(destinations)})`),
    check("missions_status_check", sql`${t.status} in (${inList(missionStatuses)})`),
    check(
      "missions_launch_precision_check",
      sql`(${t.launchOn} is null) = (${t.launchPrecision} is null) and (${t.launchPrecision} is null or ${t.launchPrecision} in (${inList(datePrecisions)}))`,
    ),
    check(
      "missions_end_precision_check",
      sql`(${t.endsOn} is null) = (${t.endPrecision} is null) and (${t.endPrecision} is null or ${t.endPrecision} in (${inList(datePrecisions)}))`,
    ),
    check(
      "missions_end_after_launch",
      sql`${t.endsOn} is null or ${t.launchOn} is null or ${t.endsOn} >= ${t.launchOn}`,
    ),
    check("missions_lead_check", sql`${t.leadOrganisationId} is not null or ${t.leadOther} is not null`),
  ],
);

/** Member agencies taking part in a mission led by another. */
export const missionPartners = pgTable(
  "mission_partners",
  {
    missionId: integer("mission_id")
      .notNull()
      .references(() => missions.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.organisationId] }),
    index("mission_partners_org_idx").on(t.organisationId),
  ],
);

/** Every save of a mission: who, when, and the values before and after. */
export const missionRevisions = pgTable(
  "mission_revisions",
  {
    id: serial("id").primaryKey(),
    missionId: integer("mission_id")
      .notNull()
      .references(() => missions.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // The person's id beside the copy of their name, so an erasure finds the copy (null: not a person).
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull(),
    agencyAcronym: text("agency_acronym"),
    summary: text("summary").notNull(),
    // json, not jsonb: stored and shown, never queried into, and an import of 100,000 missions
    // writes 100,000 of them (jsonb's conversion was a tenth of the import on the embedded database).
    before: json("before").$type<Record<string, unknown>>(),
    after: json("after").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("mission_revisions_mission_idx").on(t.missionId, t.at)],
);

export const proposalStatuses = ["open", "accepted", "declined"] as const;

/** A partner agency's proposed change to a mission, waiting for the lead agency to accept or decline. */
export const missionProposals = pgTable(
  "mission_proposals",
  {
    id: serial("id").primaryKey(),
    missionId: integer("mission_id")
      .notNull()
      .references(() => missions.id, { onDelete: "cascade" }),
    proposedById: integer("proposed_by_id"),
    proposedByName: text("proposed_by_name").notNull(),
    agencyAcronym: text("agency_acronym"),
    proposed: jsonb("proposed").$type<Record<string, unknown>>().notNull(),
    note: text("note"),
    status: text("status", { enum: proposalStatuses }).notNull().default("open"),
    decidedById: integer("decided_by_id"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mission_proposals_mission_idx").on(t.missionId, t.status),
    check("mission_proposals_status_check", sql`${t.status} in ('open', 'accepted', 'declined')`),
  ],
);
