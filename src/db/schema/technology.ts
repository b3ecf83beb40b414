import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
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
import { organisations, people } from "./directory.js";
import { publications } from "./publications.js";
import { type Destination, missions } from "./roadmap.js";
import { tsvector } from "./search.js";

/** Areas of the Critical Technology List (propulsion, power, autonomy …). */
export const technologyAreas = pgTable(
  "technology_areas",
  {
    id: serial("id").primaryKey(),
    /** Stable code of the controlled vocabulary, e.g. `PROP`. */
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    uniqueIndex("technology_areas_code_key").on(t.code),
    check("technology_areas_code_check", sql`${t.code} ~ '^[A-Z][A-Z0-9]{1,9}$'`),
  ],
);

/** Technologies of the Critical Technology List, under stable codes such as `GER-019`. */
export const technologies = pgTable(
  "technologies",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    areaId: integer("area_id")
      .notNull()
      .references(() => technologyAreas.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** The destinations that need it (values of `destinations`). */
    destinations: jsonb("destinations").$type<Destination[]>().notNull().default([]),
    uncertain: boolean("uncertain").notNull().default(false),
    uncertainNote: text("uncertain_note"),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Full-text search vector (see features/search): code, title, description; never the notes or sources. */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', code || ' ' || title), 'A') || setweight(to_tsvector('english', description), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("technologies_code_key").on(t.code),
    index("technologies_search_idx").using("gin", t.search),
    /** Title matches alone, so ranking finds them without reading every matching vector. */
    index("technologies_title_search_idx").using(
      "gin",
      sql`to_tsvector('english', ${t.code} || ' ' || ${t.title})`,
    ),
    index("technologies_area_idx").on(t.areaId),
    check("technologies_code_check", sql`${t.code} ~ '^[A-Z]{2,6}-[0-9]{3,4}$'`),
  ],
);

/**
 * What an agency has for a technology: the TRL now, the TRL it plans to reach and when. Agencies'
 * TRLs are not public, so the shipped dataset has none; `demo` rows come only from `isecg seed --demo`
 * and are never mixed with real ones (every query filters on it).
 */
export const technologyCapabilities = pgTable(
  "technology_capabilities",
  {
    id: serial("id").primaryKey(),
    technologyId: integer("technology_id")
      .notNull()
      .references(() => technologies.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    currentTrl: integer("current_trl").notNull(),
    targetTrl: integer("target_trl").notNull(),
    targetDate: date("target_date").notNull(),
    note: text("note").notNull().default(""),
    evidenceUrl: text("evidence_url"),
    demo: boolean("demo").notNull().default(false),
    updatedBy: integer("updated_by").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("technology_capabilities_key").on(t.technologyId, t.organisationId, t.demo),
    index("technology_capabilities_org_idx").on(t.organisationId),
    check(
      "technology_capabilities_trl_check",
      sql`${t.currentTrl} between 1 and 9 and ${t.targetTrl} between 1 and 9`,
    ),
    check("technology_capabilities_target_check", sql`${t.targetTrl} >= ${t.currentTrl}`),
  ],
);

/** What a mission (or an architecture element not yet a mission) needs: a technology at a TRL by a date. */
export const technologyNeeds = pgTable(
  "technology_needs",
  {
    id: serial("id").primaryKey(),
    technologyId: integer("technology_id")
      .notNull()
      .references(() => technologies.id, { onDelete: "cascade" }),
    missionId: integer("mission_id").references(() => missions.id, { onDelete: "cascade" }),
    element: text("element"),
    trlNeeded: integer("trl_needed").notNull(),
    neededBy: date("needed_by").notNull(),
    note: text("note").notNull().default(""),
    demo: boolean("demo").notNull().default(false),
    updatedBy: integer("updated_by").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("technology_needs_technology_idx").on(t.technologyId),
    index("technology_needs_mission_idx").on(t.missionId),
    check("technology_needs_trl_check", sql`${t.trlNeeded} between 1 and 9`),
    check("technology_needs_subject_check", sql`${t.missionId} is not null or ${t.element} is not null`),
  ],
);

export const assessmentStatuses = ["planned", "ongoing", "published"] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** Gap assessment reports of the Technology Working Group (nuclear power, ISRU, dust …). */
export const gapAssessments = pgTable(
  "gap_assessments",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: assessmentStatuses }).notNull(),
    /** Markdown. */
    scope: text("scope").notNull().default(""),
    startedOn: date("started_on"),
    endedOn: date("ended_on"),
    /** Markdown. */
    findings: text("findings").notNull().default(""),
    /** Markdown. */
    recommendations: text("recommendations").notNull().default(""),
    publicationId: integer("publication_id").references(() => publications.id, { onDelete: "set null" }),
    uncertain: boolean("uncertain").notNull().default(false),
    uncertainNote: text("uncertain_note"),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Full-text search vector (see features/search): title, scope, findings, recommendations; never the notes or sources. */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', scope), 'B') || setweight(to_tsvector('english', findings || ' ' || recommendations), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("gap_assessments_slug_key").on(t.slug),
    index("gap_assessments_search_idx").using("gin", t.search),
    /** Title matches alone, so ranking finds them without reading every matching vector. */
    index("gap_assessments_title_search_idx").using("gin", sql`to_tsvector('english', ${t.title})`),
    check("gap_assessments_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("gap_assessments_status_check", sql`${t.status} in ('planned', 'ongoing', 'published')`),
    check(
      "gap_assessments_dates_check",
      sql`${t.endedOn} is null or ${t.startedOn} is null or ${t.endedOn} >= ${t.startedOn}`,
    ),
  ],
);

/** The agencies on an assessment's team. */
export const gapAssessmentAgencies = pgTable(
  "gap_assessment_agencies",
  {
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => gapAssessments.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.organisationId] })],
);

/** The technologies an assessment covers. */
export const gapAssessmentTechnologies = pgTable(
  "gap_assessment_technologies",
  {
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => gapAssessments.id, { onDelete: "cascade" }),
    technologyId: integer("technology_id")
      .notNull()
      .references(() => technologies.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.technologyId] })],
);
