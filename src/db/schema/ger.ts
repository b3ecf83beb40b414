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
import { missions } from "./roadmap.js";

/** The Global Exploration Strategy's themes: the broad reasons the forum's agencies explore. */
export const gesThemes = pgTable(
  "ges_themes",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("ges_themes_code_key").on(t.code)],
);

/** The GER's common goals; each may be tied to the GES theme it mostly serves. */
export const gerGoals = pgTable(
  "ger_goals",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    themeId: integer("theme_id").references(() => gesThemes.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    uncertain: boolean("uncertain").notNull().default(false),
    uncertaintyNote: text("uncertainty_note"),
  },
  (t) => [uniqueIndex("ger_goals_code_key").on(t.code)],
);

/** The objectives under each common goal; missions serve objectives. */
export const gerObjectives = pgTable(
  "ger_objectives",
  {
    id: serial("id").primaryKey(),
    goalId: integer("goal_id")
      .notNull()
      .references(() => gerGoals.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    position: integer("position").notNull().default(0),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    uncertain: boolean("uncertain").notNull().default(false),
    uncertaintyNote: text("uncertainty_note"),
  },
  (t) => [uniqueIndex("ger_objectives_code_key").on(t.code), index("ger_objectives_goal_idx").on(t.goalId)],
);

/** Which missions serve which objectives. */
export const missionObjectives = pgTable(
  "mission_objectives",
  {
    missionId: integer("mission_id")
      .notNull()
      .references(() => missions.id, { onDelete: "cascade" }),
    objectiveId: integer("objective_id")
      .notNull()
      .references(() => gerObjectives.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.objectiveId] }),
    index("mission_objectives_objective_idx").on(t.objectiveId),
  ],
);

export const editionKinds = ["edition", "supplement"] as const;
export type EditionKind = (typeof editionKinds)[number];
export const editionStatuses = ["draft", "published"] as const;
export type EditionStatus = (typeof editionStatuses)[number];

/**
 * A GER edition or supplement. `frozen_at` is when its mission snapshot was taken; editions that
 * predate the platform have none. Published editions are immutable: the use cases refuse changes.
 */
export const gerEditions = pgTable(
  "ger_editions",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    year: integer("year").notNull(),
    kind: text("kind", { enum: editionKinds }).notNull(),
    status: text("status", { enum: editionStatuses }).notNull().default("draft"),
    publicationSlug: text("publication_slug"),
    note: text("note"),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    frozenAt: timestamp("frozen_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ger_editions_slug_key").on(t.slug),
    check("ger_editions_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("ger_editions_kind_check", sql`${t.kind} in ('edition', 'supplement')`),
    check("ger_editions_status_check", sql`${t.status} in ('draft', 'published')`),
    check("ger_editions_year_check", sql`${t.year} between 2000 and 2200`),
    // A draft is always a freeze of the plans; only published records may lack a snapshot.
    check("ger_editions_draft_frozen", sql`${t.status} = 'published' or ${t.frozenAt} is not null`),
  ],
);

/** One mission as it stood when an edition was frozen. */
export const gerEditionMissions = pgTable(
  "ger_edition_missions",
  {
    editionId: integer("edition_id")
      .notNull()
      .references(() => gerEditions.id, { onDelete: "cascade" }),
    missionSlug: text("mission_slug").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.missionSlug] })],
);

/** What is not yet known about lunar polar volatiles; missions address these gaps. */
export const volatilesGaps = pgTable(
  "volatiles_gaps",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    position: integer("position").notNull().default(0),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    uncertain: boolean("uncertain").notNull().default(false),
  },
  (t) => [uniqueIndex("volatiles_gaps_code_key").on(t.code)],
);

/** Which missions address which volatiles knowledge gap. */
export const volatilesGapMissions = pgTable(
  "volatiles_gap_missions",
  {
    gapId: integer("gap_id")
      .notNull()
      .references(() => volatilesGaps.id, { onDelete: "cascade" }),
    missionId: integer("mission_id")
      .notNull()
      .references(() => missions.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.gapId, t.missionId] }),
    index("volatiles_gap_missions_mission_idx").on(t.missionId),
  ],
);
