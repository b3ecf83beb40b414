import { sql } from "drizzle-orm";
import { bigint, check, customType, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** A PostgreSQL `bytea`; both drivers hand it over as a Uint8Array (node-postgres as a Buffer). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * Uploaded files (publications' PDFs, agenda files), stored once by the hex SHA-256 of their
 * content. Kept in the database so that instances need no shared disk and a backup of the database
 * holds everything. Records point here by hash; there is no foreign key, because files of older
 * deployments are imported from disk after the migrations have run (features/publications).
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    sha256: text("sha256").primaryKey(),
    size: bigint("size", { mode: "number" }).notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("stored_files_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("stored_files_size_check", sql`${t.size} = octet_length(${t.bytes})`),
  ],
);
