import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { JOURNAL, qualified, rows } from "./catalog.js";
import type { Db } from "./client.js";

// Which migration a database is at, and bringing an empty one to a given migration (for restore).

/** Where the shipped migrations are: their SQL files and drizzle's journal (`meta/_journal.json`). */
export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** The shipped journal's entries, oldest first. */
function journalEntries(): Array<{ tag: string; when: number }> {
  return (
    JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
      entries: Array<{ tag: string; when: number }>;
    }
  ).entries;
}

/** A migration this version of the platform ships: its journal entry and its SQL statements. */
export type CodeMigration = { tag: string; createdAt: number; hash: string; statements: string[] };

/** The shipped migrations, oldest first; `createdAt` is the journal's `when`, as drizzle records it. */
export function codeMigrations(): CodeMigration[] {
  const entries = journalEntries();
  return readMigrationFiles({ migrationsFolder }).map((m, i) => ({
    tag: entries[i]!.tag,
    createdAt: m.folderMillis,
    hash: m.hash,
    statements: m.sql,
  }));
}

/** The last migration applied to a database (drizzle applies those with a later `createdAt`), or null. */
export async function appliedMigration(db: Db): Promise<{ createdAt: number; hash: string } | null> {
  const [found] = await rows<{ present: boolean }>(
    db,
    sql`select to_regclass(${`${JOURNAL.schema}.${JOURNAL.name}`}) is not null as present`,
  );
  if (!found?.present) return null;
  const [last] = await rows<{ created_at: string; hash: string }>(
    db,
    sql`select created_at::text, hash from ${qualified(JOURNAL)} order by created_at desc limit 1`,
  );
  return last ? { createdAt: Number(last.created_at), hash: last.hash } : null;
}

/**
 * True when a database has applied the last shipped migration (drizzle applies those newer than its
 * last): read from the journal alone, without drizzle's migrator reading and hashing every migration
 * file, a tenth of a second of every restart.
 */
export async function isUpToDate(db: Db): Promise<boolean> {
  return (await appliedMigration(db))?.createdAt === journalEntries().at(-1)?.when;
}

/** Creates drizzle's journal table as drizzle's migrator does, when it is missing. */
export async function ensureJournal(db: Db): Promise<void> {
  await db.execute(sql`create schema if not exists ${sql.identifier(JOURNAL.schema)}`);
  await db.execute(
    sql`create table if not exists ${qualified(JOURNAL)} (id serial primary key, hash text not null, created_at bigint)`,
  );
}

/**
 * Runs the statements of the shipped migrations after `from` (null: from the start) up to and
 * including `to`; the caller records them in the journal. Returns how many ran.
 */
export async function runMigrations(db: Db, from: number | null, to: number): Promise<number> {
  const due = codeMigrations().filter((m) => (from === null || m.createdAt > from) && m.createdAt <= to);
  for (const m of due) for (const statement of m.statements) await db.execute(sql.raw(statement));
  return due.length;
}
