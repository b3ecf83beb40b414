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

/** Member organisations: only space agencies and government organisations may be members. */
export const organisations = pgTable(
  "organisations",
  {
    id: serial("id").primaryKey(),
    acronym: text("acronym").notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    nativeName: text("native_name"),
    country: text("country").notNull(),
    kind: text("kind", { enum: ["space_agency", "government_organisation"] }).notNull(),
    intergovernmental: boolean("intergovernmental").notNull().default(false),
    founding: boolean("founding").notNull().default(false),
    joinedOn: date("joined_on").notNull(),
    joinedPrecision: text("joined_precision", { enum: ["year", "month", "day"] }).notNull(),
    joinedUncertain: boolean("joined_uncertain").notNull().default(false),
    joinNote: text("join_note"),
    leftOn: date("left_on"),
    website: text("website"),
    logoUrl: text("logo_url"),
    description: text("description"),
    notes: text("notes"),
    formerNames: jsonb("former_names").$type<string[]>().notNull().default([]),
    /** Other acronyms in current use for the same member ("PTS" for PT Space); each resolves to its page. */
    aliases: jsonb("aliases").$type<string[]>().notNull().default([]),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Full-text search vector (see features/search): acronym, name and aliases (the jsonb array's
     * strings, through the immutable jsonb_to_tsvector), country, native and former names, the
     * description. Never the notes, join note or sources.
     */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', acronym || ' ' || name), 'A') || setweight(jsonb_to_tsvector('english', aliases, '["string"]'), 'A') || setweight(to_tsvector('english', country || ' ' || coalesce(native_name, '')), 'B') || setweight(jsonb_to_tsvector('english', former_names, '["string"]'), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
  },
  (t) => [
    index("organisations_search_idx").using("gin", t.search),
    /** Title matches alone (name and acronym), as search ranks them. */
    index("organisations_title_search_idx").using(
      "gin",
      sql`to_tsvector('english', ${t.name} || ' ' || ${t.acronym})`,
    ),
    uniqueIndex("organisations_acronym_key").on(sql`lower(${t.acronym})`),
    uniqueIndex("organisations_slug_key").on(t.slug),
    check("organisations_kind_check", sql`${t.kind} in ('space_agency', 'government_organisation')`),
    check("organisations_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("organisations_left_after_joined", sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
  ],
);

export const roles = ["member", "focal_point", "chair", "secretariat"] as const;
export type Role = (typeof roles)[number];

/** People belong to a member organisation, or to the secretariat (then organisation is optional). */
export const people = pgTable(
  "people",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "restrict" }),
    jobTitle: text("job_title"),
    roles: text("roles").array().$type<Role[]>().notNull(),
    /** The kinds of mail the person chose not to get ("review", "reminders"); everything by default. */
    mailOptOut: text("mail_opt_out").array().$type<string[]>().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    passwordHash: text("password_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("people_email_key").on(sql`lower(${t.email})`),
    check(
      "people_roles_check",
      sql`cardinality(${t.roles}) > 0 and ${t.roles} <@ array['member','focal_point','chair','secretariat']::text[]`,
    ),
    // The membership rule: a person is in the forum through an organisation or the secretariat.
    check("people_belong_somewhere", sql`${t.organisationId} is not null or 'secretariat' = any(${t.roles})`),
  ],
);

/** Which agency chaired the forum when; precision and certainty keep the record honest. */
export const chairTerms = pgTable("chair_terms", {
  id: serial("id").primaryKey(),
  organisationId: integer("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "restrict" }),
  startsOn: date("starts_on").notNull(),
  startPrecision: text("start_precision", { enum: ["year", "month", "day"] }).notNull(),
  endsOn: date("ends_on"),
  endPrecision: text("end_precision", { enum: ["year", "month", "day"] }),
  person: text("person"),
  certainty: text("certainty", { enum: ["confirmed", "likely", "uncertain"] }).notNull(),
  note: text("note"),
  sources: jsonb("sources").$type<string[]>().notNull().default([]),
});

/** Forum-wide settings (name, secretariat, about texts) as one JSON document per key. */
export const forumSettings = pgTable("forum_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every published version of the site's texts (the `forum` setting): who, when, the whole value. */
export const forumRevisions = pgTable(
  "forum_revisions",
  {
    id: serial("id").primaryKey(),
    value: jsonb("value").notNull(),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("forum_revisions_created_idx").on(t.createdAt)],
);
