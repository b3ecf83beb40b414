import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations, people } from "./directory.js";

/**
 * An organisation's OpenID Connect provider ("Sign in with ESA"). The client secret is written by
 * the secretariat and never shown again; allowed domains let people of the agency in without an
 * invitation (empty: invited or existing people only).
 */
export const ssoProviders = pgTable("sso_providers", {
  organisationId: integer("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecret: text("client_secret").notNull(),
  allowedDomains: jsonb("allowed_domains").$type<string[]>().notNull().default([]),
  enabled: boolean("enabled").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Which identity (issuer and subject) a person signed in with, so a changed e-mail still maps. */
export const ssoIdentities = pgTable(
  "sso_identities",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("sso_identities_subject_key").on(t.issuer, t.subject),
    index("sso_identities_person_idx").on(t.personId),
  ],
);

/**
 * Sign-ins with single sign-on under way: the browser holds a random id in a short-lived cookie, the
 * table its SHA-256 with the PKCE verifier, state and nonce. A callback deletes its row, so it works once.
 */
export const ssoFlows = pgTable("sso_flows", {
  idHash: text("id_hash").primaryKey(),
  organisationId: integer("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  state: text("state").notNull(),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  next: text("next").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
