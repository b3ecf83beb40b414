import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
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
import { tsvector } from "./search.js";

export const publicationCategories = [
  "global_exploration_roadmap",
  "ger_supplement",
  "annual_report",
  "technology_assessment",
  "white_paper",
  "terms_of_reference",
  "paper",
  "other",
] as const;
export type PublicationCategory = (typeof publicationCategories)[number];

/**
 * The publications library. A record carries an uploaded PDF (its bytes in `stored_files` under
 * their SHA-256, metadata here), an external link, or neither yet, never both.
 */
export const publications = pgTable(
  "publications",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    category: text("category", { enum: publicationCategories }).notNull(),
    postedOn: date("posted_on"),
    publishedOn: date("published_on"),
    publishedPrecision: text("published_precision", { enum: ["year", "month", "day"] }),
    description: text("description"),
    previousEditionId: integer("previous_edition_id").references((): AnyPgColumn => publications.id, {
      onDelete: "set null",
    }),
    editionLabel: text("edition_label"),
    producedBy: text("produced_by"),
    uncertain: boolean("uncertain").notNull().default(false),
    certaintyNote: text("certainty_note"),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    externalUrl: text("external_url"),
    fileName: text("file_name"),
    fileSize: bigint("file_size", { mode: "number" }),
    fileType: text("file_type"),
    fileSha256: text("file_sha256"),
    /** The text inside the uploaded PDF, for search. */
    text: text("text"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Full-text search vector (features/search); the PDF text is capped so the vector stays under 1 MB. */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('english', left(coalesce(text, ''), 250000)), 'D')`,
    ),
  },
  (t) => [
    uniqueIndex("publications_slug_key").on(t.slug),
    index("publications_search_idx").using("gin", t.search),
    index("publications_title_search_idx").using("gin", sql`to_tsvector('english', ${t.title})`),
    // The date lists and search's year filter go by: posted on the site, else published.
    index("publications_date_idx").on(sql`coalesce(${t.postedOn}, ${t.publishedOn})`),
    index("publications_previous_edition_idx").on(t.previousEditionId),
    check("publications_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check(
      "publications_category_check",
      sql`${t.category} in ('global_exploration_roadmap','ger_supplement','annual_report','technology_assessment','white_paper','terms_of_reference','paper','other')`,
    ),
    check("publications_file_or_link", sql`${t.fileSha256} is null or ${t.externalUrl} is null`),
    check(
      "publications_file_complete",
      sql`(${t.fileSha256} is null) = (${t.fileName} is null) and (${t.fileSha256} is null) = (${t.fileSize} is null)`,
    ),
    check(
      "publications_not_own_edition",
      sql`${t.previousEditionId} is null or ${t.previousEditionId} <> ${t.id}`,
    ),
    check(
      "publications_published_precision",
      sql`(${t.publishedOn} is null) = (${t.publishedPrecision} is null)`,
    ),
  ],
);
