import { bigint, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./directory.js";

/**
 * A person's authenticator app (TOTP, RFC 6238). The secret is pending until the person confirms it
 * with a code; `lastStep` is the 30-second step of the last accepted code, so no code works twice.
 */
export const totpFactors = pgTable("totp_factors", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastStep: bigint("last_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes, kept only as SHA-256 hashes. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_person_idx").on(t.personId)],
);

/** Passkeys (WebAuthn credentials) a person registered, each with a name they chose. */
export const passkeys = pgTable(
  "passkeys",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** The credential id, base64url. */
    credentialId: text("credential_id").notNull().unique(),
    /** The COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: jsonb("transports").$type<string[]>().notNull().default([]),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("passkeys_person_idx").on(t.personId)],
);

/**
 * A sign-in half done: the password was right and the second factor is awaited. The browser holds
 * a random token in a short-lived cookie; the table keeps its SHA-256. WebAuthn challenges (for the
 * second step, a passwordless sign-in or a new passkey) live here too, single-use and short-lived.
 */
export const pendingSignIns = pgTable(
  "pending_sign_ins",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: text("purpose", { enum: ["second-step", "passkey-sign-in", "passkey-register"] }).notNull(),
    personId: integer("person_id").references(() => people.id, { onDelete: "cascade" }),
    challenge: text("challenge"),
    next: text("next"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("pending_sign_ins_person_idx").on(t.personId)],
);
