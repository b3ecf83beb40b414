import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type pg from "pg";
import { type DataDirLock, describeOwner, lockDataDir, type OwnerInfo } from "./data-dir-lock.js";
import { compiledPglite } from "./pglite-wasm.js";
import * as schema from "./schema/index.js";
import { isUpToDate, migrationsFolder } from "./schema-version.js";
import { serveOverSocket } from "./socket-bridge.js";
import { statementCounter } from "./statement-count.js";
import { copyMigratedTemplate, ensureTemplate } from "./template.js";

export type Schema = typeof schema;
/** One Drizzle type over both drivers; a transaction is also a Db. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** An open database: the Drizzle handle plus what the process needs to manage it. */
export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Present on a PostgreSQL server (or an embedded one reached through its owner's socket). */
  pool?: pg.Pool;
  pglite?: PGlite;
  /** This process owns the embedded data directory: its lock, to describe the owner to others. */
  owner?: DataDirLock;
  /** The owner of the embedded data directory this connection goes through. */
  via?: OwnerInfo;
  /** Called after another process wrote through this owner's socket (cached pages are stale). */
  onExternalWrite?: (listener: () => void) => void;
};

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
  // PostgreSQL's default 128 MB of shared buffers is set up at every start (half a second) and stays
  // resident; pages need far less, and reads beyond the buffers come from the OS's file cache.
  // A new 16 MB WAL file is not filled with zeros first, which through WebAssembly's file layer takes
  // a tenth of a second (at the first start after the dataset's load, and whenever writes reach a new
  // file); its unwritten parts read as zeros all the same.
  startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=8MB", "-c", "wal_init_zero=off"],
};

/** How to open the database: a server URL, or the embedded one under a data directory. */
export type OpenOptions = {
  databaseUrl?: string;
  dataDir?: string;
  /** Named to a process that finds the data directory taken ("serve", "import" …). */
  command?: string;
  /** When another process owns the data directory: go through it (the command line) instead of refusing. */
  joinOwner?: boolean;
};

/** Opens PostgreSQL at `databaseUrl`, or the embedded PGlite under `dataDir` (in memory when none). */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  if (!opts.dataDir) return wrapPglite(new PGlite(undefined, pgliteOptions));
  return openDataDir(resolve(opts.dataDir), opts.command ?? "serve", opts.joinOwner ?? false);
}

/** The data directory is owned by another process and this one may not go through it. */
export class DataDirInUse extends Error {
  constructor(
    dataDir: string,
    readonly owner: OwnerInfo,
  ) {
    super(
      `The data directory ${dataDir} is in use by ${describeOwner(owner)}. Stop it first; ` +
        "the isecg command line works beside a running server on its own.",
    );
  }
}

/**
 * Opens an embedded data directory under its exclusive lock, and serves it on a local socket so
 * other processes (the command line, psql) go through this one. When another process holds the
 * lock, either refuses or connects through that process's socket with node-postgres.
 */
async function openDataDir(dataDir: string, command: string, joinOwner: boolean): Promise<Database> {
  mkdirSync(join(dataDir, "pglite"), { recursive: true });
  const socketDir = socketDirFor(dataDir);
  const lock = await lockDataDir(dataDir, { pid: process.pid, command, socketDir });
  if (!("release" in lock)) {
    if (!joinOwner) throw new DataDirInUse(dataDir, lock);
    const through = await openPostgres(`postgresql://postgres@localhost/postgres?host=${lock.socketDir}`, 4);
    // The owner applied the migrations when it opened the directory.
    return { ...through, via: lock, migrate: async () => {} };
  }
  try {
    const pgdata = join(dataDir, "pglite");
    await prepareDataDir(pgdata);
    const pglite = await PGlite.create(pgdata, { ...pgliteOptions, ...(await compiledPglite()) });
    const database = wrapPglite(pglite);
    let onExternalWrite = () => {};
    const bridge = await serveOverSocket(pglite, join(socketDir, ".s.PGSQL.5432"), () => onExternalWrite());
    return {
      ...database,
      owner: lock,
      onExternalWrite: (listener) => {
        onExternalWrite = listener;
      },
      close: async () => {
        await bridge.close();
        await pglite.close();
        await lock.release();
      },
    };
  } catch (e) {
    await lock.release();
    throw e;
  }
}

const migrateTemplate = (pglite: PGlite) => migratePglite(drizzlePglite(pglite), { migrationsFolder });

/** Makes the embedded database's template now, if missing (`npm ci` does, through `isecg prepare`). */
export const prepareTemplate = () => ensureTemplate(migrateTemplate);

/** A new data directory starts as a copy of the migrated template (template.ts); failing that, initdb runs. */
async function prepareDataDir(pgdata: string): Promise<void> {
  if (existsSync(join(pgdata, "PG_VERSION"))) return;
  try {
    await copyMigratedTemplate(pgdata, migrateTemplate);
  } catch {
    // Whatever was copied goes; PostgreSQL's initdb then makes the directory from nothing.
    rmSync(pgdata, { recursive: true, force: true });
    mkdirSync(pgdata, { recursive: true });
  }
}

/** The data directory itself keeps the socket, unless its path is too long for one (108 bytes). */
function socketDirFor(dataDir: string): string {
  if (join(dataDir, ".s.PGSQL.5432").length < 100) return dataDir;
  const dir = join(tmpdir(), `isecg-${createHash("sha256").update(dataDir).digest("hex").slice(0, 16)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Wraps an existing PGlite instance (tests load one from a migrated template). */
export function wrapPglite(client: PGlite): Database {
  // The logger only counts statements for work that asks (statement-count.ts); otherwise it does nothing.
  const db = drizzlePglite(client, { schema, logger: statementCounter });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    pglite: client,
    // One process owns a data directory (see openDataDir), so migrations need no lock of their own.
    migrate: async () => {
      if (!(await isUpToDate(db as unknown as Db))) await migratePglite(db, { migrationsFolder });
    },
    close: () => client.close(),
  };
}

/** node-postgres loads only for a server: an embedded start has no use for it (a twentieth of the start). */
async function openPostgres(url: string, max = 10): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000, keepAlive: true });
  // A connection PostgreSQL ends (restart, failover, idle kill) emits "error"; unheard, that event
  // would end the process. The query in flight, if any, fails on its own and the pool drops the
  // connection; the next query opens a new one.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = drizzlePg(pool, { schema, logger: statementCounter });
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
