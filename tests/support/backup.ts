import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { inject } from "vitest";
import { APP_SCHEMA, appTableNames, JOURNAL, qualified, rows } from "../../src/db/catalog.js";
import { type Database, type Db, openDatabase, pgliteOptions, wrapPglite } from "../../src/db/client.js";
import { withDatabase } from "./global-setup.js";

/** A database with nothing in it, not even migrations: a new PGlite, or a new database on the server. */
export async function openEmptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const server = inject("pgServer");
  if (!server) {
    const database = wrapPglite(new PGlite(undefined, pgliteOptions));
    return { database, drop: () => database.close() };
  }
  const name = `isecg_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(server.url, name) });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

/**
 * Each table's row count and an MD5 of its rows' text in a fixed order (the journal included): two
 * databases with equal fingerprints hold the same rows.
 */
export async function fingerprints(db: Db): Promise<Record<string, string>> {
  const tables = (await appTableNames(db)).map((name) => ({ schema: APP_SCHEMA, name }));
  const present = await rows<{ ok: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (present[0]?.ok) tables.push(JOURNAL);
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [r] = await rows<{ n: number; md5: string | null }>(
      db,
      sql`select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as md5 from ${qualified(t)} as x`,
    );
    out[`${t.schema}.${t.name}`] = `${r!.n} ${r!.md5 ?? "-"}`;
  }
  return out;
}
