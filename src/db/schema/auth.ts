import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./directory.js";

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** When the session was last used, to the minute (so the person can tell their devices apart). */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    /** The person's role requires two factors and they have none: this session may only enrol. */
    mustEnrol: boolean("must_enrol").notNull().default(false),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

/** Failed sign-in counters per account and per address, shared by every instance. */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/**
 * Single-use links mailed to a person: a password reset, or an invitation (the invited person's
 * row exists, inactive and without a password, until they accept). Only the SHA-256 of the token is
 * kept; a link is good until it expires or is used, whichever comes first.
 */
export const accountLinks = pgTable(
  "account_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: text("purpose", { enum: ["reset", "invite"] }).notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** Who sent an invitation (null for a reset, which the person asks for themselves). */
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [index("account_links_person_idx").on(t.personId)],
);
