import { sql } from "drizzle-orm";
import {
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
import { people } from "./directory.js";
import { publications } from "./publications.js";

export const reportStatuses = ["draft", "published"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** The secretariat's choices for one year's report (what the records cannot say by themselves). */
export type ReportSettings = {
  /** Slugs of the publications listed under "Major documents", in order. */
  majorDocuments: string[];
  /** Slugs of publications posted in the year that the secretariat leaves out of Annex I. */
  omitPublications: string[];
  /** Whether visitors see the participation statistics. */
  statisticsPublic: boolean;
};

/**
 * One annual report per year. A draft is computed from the records whenever it is shown; publishing
 * freezes the computed data and the texts into `snapshot`, which is what the edition shows afterwards.
 */
export const annualReports = pgTable(
  "annual_reports",
  {
    id: serial("id").primaryKey(),
    year: integer("year").notNull(),
    status: text("status", { enum: reportStatuses }).notNull().default("draft"),
    /** The date the member list (Annex II) is taken on. */
    membersAsOf: date("members_as_of").notNull(),
    settings: jsonb("settings").$type<ReportSettings>().notNull(),
    /** The frozen edition (data and texts), set when published. */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** The library record that carries the published PDF. */
    publicationId: integer("publication_id").references(() => publications.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("annual_reports_year_key").on(t.year),
    check("annual_reports_year_check", sql`${t.year} between 1990 and 2200`),
    check("annual_reports_status_check", sql`${t.status} in ('draft', 'published')`),
    check(
      "annual_reports_published_check",
      sql`(${t.status} = 'published') = (${t.snapshot} is not null and ${t.publishedAt} is not null)`,
    ),
  ],
);

/**
 * The narrative parts of a report, Markdown: `introduction`, `executive-summary`, `highlights`,
 * `events`, and `outlook:<group slug>` per working group or team.
 */
export const annualReportTexts = pgTable(
  "annual_report_texts",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => annualReports.id, { onDelete: "cascade" }),
    part: text("part").notNull(),
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("annual_report_texts_part_key").on(t.reportId, t.part),
    check("annual_report_texts_part_check", sql`${t.part} ~ '^[a-z]+(-[a-z]+)*(:[a-z0-9]+(-[a-z0-9]+)*)?$'`),
  ],
);

/** Every saved version of a narrative part: who, when, and the text. Never changed afterwards. */
export const annualReportTextRevisions = pgTable(
  "annual_report_text_revisions",
  {
    id: serial("id").primaryKey(),
    textId: integer("text_id")
      .notNull()
      .references(() => annualReportTexts.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("annual_report_text_revisions_text_idx").on(t.textId, t.createdAt)],
);
