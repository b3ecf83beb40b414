import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations, people } from "./directory.js";
import { workingGroups } from "./groups.js";
import { meetingDecisions } from "./meetings.js";
import { newsArticles } from "./news.js";
import { publications } from "./publications.js";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const productKinds = [
  "global_exploration_roadmap",
  "ger_supplement",
  "white_paper",
  "technology_assessment",
  "annual_report",
  "terms_of_reference",
  "other",
] as const;
export type ProductKind = (typeof productKinds)[number];

/** drafting → (rounds) → endorsed → published; nothing is ever deleted, only moved on. */
export const productStatuses = ["drafting", "endorsed", "published"] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** A consensus product of the forum (a white paper, a GER edition, an assessment report …). */
export const products = pgTable(
  "products",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: productKinds }).notNull(),
    title: text("title").notNull(),
    leadGroupId: integer("lead_group_id").references(() => workingGroups.id, { onDelete: "restrict" }),
    status: text("status", { enum: productStatuses }).notNull().default("drafting"),
    endorsedByDecisionId: integer("endorsed_by_decision_id").references(() => meetingDecisions.id, {
      onDelete: "restrict",
    }),
    endorsedAt: timestamp("endorsed_at", { withTimezone: true }),
    /** The version endorsed and published, and the SHA-256 (hex) of its text. */
    endorsedVersionId: integer("endorsed_version_id"),
    endorsedSha256: text("endorsed_sha256"),
    publicationId: integer("publication_id").references(() => publications.id, { onDelete: "set null" }),
    newsArticleId: integer("news_article_id").references(() => newsArticles.id, { onDelete: "set null" }),
    createdBy: integer("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_slug_key").on(t.slug),
    check("products_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("products_kind_check", sql`${t.kind} in (${inList(productKinds)})`),
    check("products_status_check", sql`${t.status} in (${inList(productStatuses)})`),
    check(
      "products_endorsement_check",
      sql`${t.status} = 'drafting' or (${t.endorsedByDecisionId} is not null and ${t.endorsedAt} is not null)`,
    ),
  ],
);

/** The agencies taking part in a product (participation is optional). */
export const productAgencies = pgTable(
  "product_agencies",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.productId, t.organisationId] })],
);

/** Versions of a product's text (Markdown, `#`/`##` headings make the numbered sections); immutable. */
export const productVersions = pgTable(
  "product_versions",
  {
    id: serial("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    body: text("body").notNull(),
    /** What changed, in the editor's words. */
    note: text("note").notNull().default(""),
    createdBy: integer("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("product_versions_number_key").on(t.productId, t.number),
    check("product_versions_number_check", sql`${t.number} > 0`),
  ],
);

export const silenceMeanings = ["concur", "abstain", "non_concur"] as const;
export type SilenceMeaning = (typeof silenceMeanings)[number];
export const roundStatuses = ["open", "closed"] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** A review round on one version, with a deadline; closed by the clock and sealed afterwards. */
export const reviewRounds = pgTable(
  "review_rounds",
  {
    id: serial("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    versionId: integer("version_id")
      .notNull()
      .references(() => productVersions.id, { onDelete: "restrict" }),
    number: integer("number").notNull(),
    status: text("status", { enum: roundStatuses }).notNull().default("open"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    /** Where the editors set the deadline: it is shown in that time zone (and in UTC). */
    timeZone: text("time_zone").notNull().default("UTC"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** The position counted for a participating agency that gave none by the deadline. */
    silenceMeans: text("silence_means", { enum: silenceMeanings }).notNull().default("abstain"),
    /** Positions hidden from other agencies until the round closes. */
    hidePositions: boolean("hide_positions").notNull().default(true),
    openedBy: integer("opened_by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("review_rounds_number_key").on(t.productId, t.number),
    index("review_rounds_open_idx").on(t.deadline).where(sql`${t.status} = 'open'`),
    check("review_rounds_status_check", sql`${t.status} in ('open', 'closed')`),
    check("review_rounds_silence_check", sql`${t.silenceMeans} in (${inList(silenceMeanings)})`),
    check("review_rounds_closed_check", sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
  ],
);

/** The agencies invited to a round. */
export const reviewRoundAgencies = pgTable(
  "review_round_agencies",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => reviewRounds.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** When the agency's focal point submitted its consolidated comments (null: not yet). */
    commentsSubmittedAt: timestamp("comments_submitted_at", { withTimezone: true }),
    commentsSubmittedBy: integer("comments_submitted_by").references(() => people.id, {
      onDelete: "set null",
    }),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.organisationId] }),
    /** The rounds one agency takes part in (its home page), without reading every agency's rows. */
    index("review_round_agencies_org_idx").on(t.organisationId, t.roundId),
  ],
);

export const commentCategories = ["editorial", "technical", "major"] as const;
export type CommentCategory = (typeof commentCategories)[number];
export const dispositions = ["accepted", "accepted_with_changes", "rejected", "noted"] as const;
export type Disposition = (typeof dispositions)[number];

/**
 * A review comment (in the style of a review item discrepancy). Drafted by a person for their agency,
 * submitted with the agency's consolidated set, then given a disposition by the editors. `versionId`
 * is the version it is attached to now: open comments move to a new version's matching section, or
 * are flagged `orphaned`.
 */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: serial("id").primaryKey(),
    roundId: integer("round_id")
      .notNull()
      .references(() => reviewRounds.id, { onDelete: "cascade" }),
    /** Numbered within the round, in the order they were written. */
    number: integer("number").notNull(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    versionId: integer("version_id")
      .notNull()
      .references(() => productVersions.id, { onDelete: "restrict" }),
    /** The section's anchor (e.g. `2-1-lunar-surface`) and its number and title when written. */
    sectionAnchor: text("section_anchor").notNull(),
    sectionLabel: text("section_label").notNull(),
    orphaned: boolean("orphaned").notNull().default(false),
    category: text("category", { enum: commentCategories }).notNull(),
    text: text("text").notNull(),
    proposedFrom: text("proposed_from"),
    proposedTo: text("proposed_to"),
    /** Withdrawn by its agency before submission; kept for the history. */
    withdrawn: boolean("withdrawn").notNull().default(false),
    disposition: text("disposition", { enum: dispositions }),
    rationale: text("rationale"),
    dispositionBy: integer("disposition_by").references(() => people.id, { onDelete: "set null" }),
    dispositionAt: timestamp("disposition_at", { withTimezone: true }),
    /** The commenting agency's answer to the disposition: accepted, or contested with a note. */
    response: text("response", { enum: ["accepted", "contested"] }),
    responseNote: text("response_note"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    respondedBy: integer("responded_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "review_comments_response_check",
      sql`${t.response} is null or ${t.response} in ('accepted', 'contested')`,
    ),
    uniqueIndex("review_comments_number_key").on(t.roundId, t.number),
    index("review_comments_org_idx").on(t.roundId, t.organisationId),
    check("review_comments_category_check", sql`${t.category} in (${inList(commentCategories)})`),
    check(
      "review_comments_disposition_check",
      sql`${t.disposition} is null or ${t.disposition} in (${inList(dispositions)})`,
    ),
    check(
      "review_comments_rationale_check",
      sql`${t.disposition} is distinct from 'rejected' or length(trim(coalesce(${t.rationale}, ''))) > 0`,
    ),
  ],
);

export const positionKinds = ["concur", "concur_with_comments", "non_concur", "abstain"] as const;
export type PositionKind = (typeof positionKinds)[number];

/**
 * An agency's position in a round. Every change is a new row (the newest counts), so nothing is
 * overwritten; only the agency's focal points set it (national prerogative).
 */
export const reviewPositions = pgTable(
  "review_positions",
  {
    id: serial("id").primaryKey(),
    roundId: integer("round_id")
      .notNull()
      .references(() => reviewRounds.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    position: text("position", { enum: positionKinds }).notNull(),
    rationale: text("rationale"),
    personId: integer("person_id").references(() => people.id, { onDelete: "set null" }),
    /** The numbers of the round's comments whose resolution the position waits for (its cure). */
    dependsOn: integer("depends_on").array().notNull().default(sql`'{}'::integer[]`),
    /** Recorded by the secretariat on the agency's behalf (e.g. sent by e-mail), with the evidence. */
    onBehalf: boolean("on_behalf").notNull().default(false),
    evidence: text("evidence"),
    evidenceFileSha256: text("evidence_file_sha256"),
    evidenceFileName: text("evidence_file_name"),
    /** Kept from this earlier round's position: the agency's commented sections did not change. */
    carriedFromRound: integer("carried_from_round"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "review_positions_on_behalf_check",
      sql`not ${t.onBehalf} or length(trim(coalesce(${t.evidence}, ''))) > 0 or ${t.evidenceFileSha256} is not null`,
    ),
    index("review_positions_round_idx").on(t.roundId, t.organisationId, t.createdAt),
    check("review_positions_kind_check", sql`${t.position} in (${inList(positionKinds)})`),
    check(
      "review_positions_rationale_check",
      sql`${t.position} <> 'non_concur' or length(trim(coalesce(${t.rationale}, ''))) > 0`,
    ),
  ],
);

/**
 * The editors' record that the versions after the one a round agreed on change nothing of substance,
 * so the latest may be endorsed without a confirming round. Audited and shown in the history.
 */
export const editorialConfirmations = pgTable(
  "product_editorial_confirmations",
  {
    id: serial("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    fromVersionId: integer("from_version_id")
      .notNull()
      .references(() => productVersions.id, { onDelete: "restrict" }),
    toVersionId: integer("to_version_id")
      .notNull()
      .references(() => productVersions.id, { onDelete: "restrict" }),
    reason: text("reason").notNull(),
    personId: integer("person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("product_editorial_confirmations_key").on(t.productId, t.fromVersionId, t.toVersionId),
    check("product_editorial_confirmations_reason_check", sql`length(trim(${t.reason})) > 0`),
  ],
);

/** An agency's one two-week deferral of a round's deadline (at most one per agency and round). */
export const reviewDeferrals = pgTable(
  "review_deferrals",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => reviewRounds.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    reason: text("reason").notNull(),
    previousDeadline: timestamp("previous_deadline", { withTimezone: true }).notNull(),
    newDeadline: timestamp("new_deadline", { withTimezone: true }).notNull(),
    personId: integer("person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.organisationId] })],
);

/**
 * The editors' confirmation that a comment carried to a later version landed in the right place
 * (moved, text changed or orphaned): comments never travel silently. One per comment and version.
 */
export const carriedCommentConfirmations = pgTable(
  "carried_comment_confirmations",
  {
    commentId: integer("comment_id")
      .notNull()
      .references(() => reviewComments.id, { onDelete: "cascade" }),
    versionId: integer("version_id")
      .notNull()
      .references(() => productVersions.id, { onDelete: "cascade" }),
    /** What the editor saw when confirming: moved, text_changed or orphaned. */
    status: text("status").notNull(),
    personId: integer("person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.versionId] })],
);
