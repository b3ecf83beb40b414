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
import { tsvector } from "./search.js";

export const articleStatuses = ["draft", "scheduled", "published", "unpublished"] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const newsDatePrecisions = ["day", "month", "year"] as const;
export type NewsDatePrecision = (typeof newsDatePrecisions)[number];

/** News articles. Visitors see only `published` ones whose `publish_at` has passed. */
export const newsArticles = pgTable(
  "news_articles",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    /** The date of the event or news, shown on the article. */
    newsDate: date("news_date").notNull(),
    /** How much of the date is known: a year-only date is stored as its first day and shown as the year. */
    datePrecision: text("date_precision", { enum: newsDatePrecisions }).notNull().default("day"),
    place: text("place"),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    imageUrl: text("image_url"),
    imageAlt: text("image_alt"),
    status: text("status", { enum: articleStatuses }).notNull().default("draft"),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    uncertain: boolean("uncertain").notNull().default(false),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Full-text search vector, kept by the database (see features/search). */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B') || setweight(to_tsvector('english', coalesce(place, '') || ' ' || body), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("news_articles_slug_key").on(t.slug),
    index("news_articles_search_idx").using("gin", t.search),
    /** Title matches alone, so ranking finds them without reading every matching vector. */
    index("news_articles_title_search_idx").using("gin", sql`to_tsvector('english', ${t.title})`),
    index("news_articles_public_idx").on(t.status, t.newsDate),
    index("news_articles_due_idx").on(t.status, t.publishAt),
    check(
      "news_articles_status_check",
      sql`${t.status} in ('draft', 'scheduled', 'published', 'unpublished')`,
    ),
    check("news_articles_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("news_articles_image_alt", sql`${t.imageUrl} is null or ${t.imageAlt} is not null`),
    check(
      "news_articles_scheduled_at",
      sql`${t.status} not in ('scheduled', 'published') or ${t.publishAt} is not null`,
    ),
  ],
);

/** What a revision keeps: the article's whole editable content at one save. */
export type ArticleContent = {
  title: string;
  newsDate: string;
  /** Absent in revisions saved before dates had a precision: those were days. */
  datePrecision?: NewsDatePrecision;
  place: string | null;
  summary: string;
  body: string;
  imageUrl: string | null;
  imageAlt: string | null;
};

/** Every save of an article, never changed afterwards; restoring one adds a new revision. */
export const newsRevisions = pgTable(
  "news_revisions",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => newsArticles.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    authorId: integer("author_id"),
    authorName: text("author_name").notNull(),
    note: text("note"),
    content: jsonb("content").$type<ArticleContent>().notNull(),
  },
  (t) => [uniqueIndex("news_revisions_number_key").on(t.articleId, t.number)],
);
