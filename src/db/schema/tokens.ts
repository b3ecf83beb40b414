import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organisations, people } from "./directory.js";

/**
 * API tokens scoped to one member agency. The secret is shown once; the table keeps only its
 * SHA-256 and a short prefix people recognise it by. A bearer of the token acts on /api/v1 with its
 * owner's current rights for that agency (at most a focal point's) and nothing more.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial("id").primaryKey(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // Who revoked it, by id as well as name, so erasing that person can find the copy of the name.
    revokedById: integer("revoked_by_id"),
    revokedByName: text("revoked_by_name"),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
    index("api_tokens_organisation_idx").on(t.organisationId),
  ],
);
