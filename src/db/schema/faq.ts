import { sql } from "drizzle-orm";
import {
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
import { tsvector } from "./search.js";

/** FAQ sections (e.g. the forum itself, and its roadmap), in order. */
export const faqSections = pgTable(
  "faq_sections",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("faq_sections_slug_key").on(t.slug),
    check("faq_sections_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/** One question with its Markdown answer; `slug` is its anchor on /faq. */
export const faqQuestions = pgTable(
  "faq_questions",
  {
    id: serial("id").primaryKey(),
    sectionId: integer("section_id")
      .notNull()
      .references(() => faqSections.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    position: integer("position").notNull(),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Full-text search vector (features/search). */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', question), 'A') || setweight(to_tsvector('english', answer), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("faq_questions_slug_key").on(t.slug),
    index("faq_questions_search_idx").using("gin", t.search),
    index("faq_questions_title_search_idx").using("gin", sql`to_tsvector('english', ${t.question})`),
    check("faq_questions_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);
