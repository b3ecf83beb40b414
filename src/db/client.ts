import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** One Drizzle type over both drivers; a transaction is also a Db. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** An open database: the Drizzle handle plus what the process needs to manage it. */
export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Present on a PostgreSQL server: a dedicated connection for LISTEN/NOTIFY and locks. */
  pool?: pg.Pool;
  pglite?: PGlite;
};

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));
// Any constant works; it only has to be the same for every instance of the platform.
const MIGRATION_LOCK_KEY = 727_001;

const BYTEA = 17;

/**
 * PGlite's default writes a bytea parameter as hex text built one byte at a time; passed through
 * unchanged, the bytes go over in binary, as node-postgres sends them. Bulk writes (the mission
 * import) send their batches as UTF-8 bytes for that reason.
 */
export const pgliteOptions = {
  serializers: { [BYTEA]: (bytes: Uint8Array) => bytes as unknown as string },
};

/** Opens PostgreSQL at `databaseUrl`, or the embedded PGlite under `dataDir` when none is given. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  const dir = opts.dataDir ? join(opts.dataDir, "pglite") : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  return wrapPglite(new PGlite(dir, pgliteOptions));
}

/** Wraps an existing PGlite instance (tests load one from a migrated template). */
export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    pglite: client,
    // PGlite belongs to a single process, so no lock is needed.
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzlePg(pool, { schema });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    pool,
    migrate: () => withAdvisoryLock(pool, MIGRATION_LOCK_KEY, () => migratePg(db, { migrationsFolder })),
    close: () => pool.end(),
  };
}

/** Runs `fn` while holding a session-level advisory lock, so instances starting at once take turns. */
async function withAdvisoryLock<T>(pool: pg.Pool, key: number, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [key]);
    return await fn();
  } finally {
    await client.query("select pg_advisory_unlock($1)", [key]).catch(() => {});
    client.release();
  }
}

/** Runs `fn` while holding the cross-instance start-up lock (the first-start seed uses it). */
export function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  return database.pool ? withAdvisoryLock(database.pool, MIGRATION_LOCK_KEY + 1, fn) : fn();
}

/** True when the database answers a trivial query. */
export async function isReady(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
