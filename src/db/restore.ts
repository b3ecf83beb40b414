import { type SQL, sql } from "drizzle-orm";
import {
  BackupError,
  type BackupHeader,
  BackupReader,
  type BackupTrailer,
  FORMAT,
  FORMAT_VERSION,
  type MigrationMark,
  type TableHeader,
} from "./backup-file.js";
import {
  APP_SCHEMA,
  appTableNames,
  JOURNAL,
  qualified,
  resetSequences,
  rows,
  selfReferences,
  type TableInfo,
  tableInfo,
} from "./catalog.js";
import type { Db } from "./client.js";
import {
  appliedMigration,
  type CodeMigration,
  codeMigrations,
  ensureJournal,
  runMigrations,
} from "./schema-version.js";

/** What a restore put back. */
export type RestoreSummary = { tables: number; rows: number; migration: MigrationMark };

/** Rows per INSERT, and characters per INSERT: a batch holds at most one large file besides small rows. */
const BATCH_ROWS = 500;
const BATCH_CHARS = 8 * 1024 * 1024;

/**
 * Restores a backup into a database whose app tables hold no rows, in one transaction: the schema is
 * brought to the backup's migration, rows are inserted table by table in the file's (foreign-key)
 * order, then sequences continue after the highest ids. Any failure leaves the database as it was.
 */
export async function restoreFromFile(db: Db, path: string): Promise<RestoreSummary> {
  const input = new BackupReader(path);
  try {
    const header = readHeader(await input.next(), path);
    const target = shippedMigration(header.migration);
    return await db.transaction(async (tx) => {
      await refuseUnlessEmpty(tx as Db);
      await prepareSchema(tx as Db, target);
      const deferred = await deferSelfReferences(tx as Db);
      let total = 0;
      for (let i = 0; i < header.tables; i++) total += await loadTable(tx as Db, input);
      const trailer = (await input.next()) as Partial<BackupTrailer>;
      if (trailer?.end !== true || trailer.rows !== total || trailer.tables !== header.tables) {
        throw new BackupError(`${path} is damaged: its last line does not close the backup.`);
      }
      // Self-references are checked here, once every row is in, then become immediate again.
      await tx.execute(sql`set constraints all immediate`);
      for (const d of deferred) await tx.execute(alterConstraint(d, sql`not deferrable`));
      await resetSequences(tx as Db);
      return { tables: header.tables, rows: total, migration: header.migration };
    });
  } catch (e) {
    if (e instanceof BackupError) throw e;
    const cause = (e as Error & { cause?: Error }).cause ?? (e as Error);
    throw new BackupError(`The restore failed: ${cause.message}`);
  } finally {
    await input.close();
  }
}

function readHeader(line: unknown, path: string): BackupHeader {
  const h = line as Partial<BackupHeader> | null;
  if (h?.format !== FORMAT) throw new BackupError(`${path} is not a backup of this platform.`);
  if (h.version !== FORMAT_VERSION) {
    throw new BackupError(
      `${path} has backup format ${h.version}; this version of the platform reads ${FORMAT_VERSION}.`,
    );
  }
  if (typeof h.migration?.createdAt !== "number" || typeof h.tables !== "number") {
    throw new BackupError(`${path} is damaged: its first line is incomplete.`);
  }
  return h as BackupHeader;
}

/** The shipped migration the backup's schema is at; refuses a backup from a newer version. */
function shippedMigration(mark: MigrationMark): CodeMigration {
  const shipped = codeMigrations();
  const found = shipped.find((m) => m.createdAt === mark.createdAt);
  if (found) return found;
  const latest = shipped.at(-1)!;
  const name = mark.tag ?? `of ${new Date(mark.createdAt).toISOString()}`;
  if (mark.createdAt > latest.createdAt) {
    throw new BackupError(
      `The backup comes from a newer version of the platform (schema at migration ${name}; this version knows up to ${latest.tag}). Upgrade the platform first.`,
    );
  }
  throw new BackupError(
    `The backup's schema (migration ${name}) is not one this version of the platform knows.`,
  );
}

/** Refuses, naming them, when any app table holds rows: a restore never mixes two sites. */
async function refuseUnlessEmpty(tx: Db): Promise<void> {
  const filled: string[] = [];
  for (const name of await appTableNames(tx)) {
    const table = qualified({ schema: APP_SCHEMA, name });
    const [r] = await rows<{ any: boolean }>(tx, sql`select exists (select 1 from ${table}) as any`);
    if (r?.any) filled.push(name);
  }
  if (filled.length > 0) {
    const list =
      filled.length > 5
        ? `${filled.slice(0, 5).join(", ")} and ${filled.length - 5} more`
        : filled.join(", ");
    throw new BackupError(
      `The database is not empty (${list} hold rows). Restore into a new database or an empty DATA_DIR.`,
    );
  }
}

/** Brings the (empty) schema to the backup's migration; the journal's rows come from the backup. */
async function prepareSchema(tx: Db, target: CodeMigration): Promise<void> {
  let applied = (await appliedMigration(tx))?.createdAt ?? null;
  if (applied !== null && applied > target.createdAt) {
    // Migrated past the backup (e.g. by the command line on start): the tables are empty, so
    // dropping them and replaying the migrations up to the backup's loses nothing.
    for (const name of await appTableNames(tx)) {
      await tx.execute(sql`drop table if exists ${qualified({ schema: APP_SCHEMA, name })} cascade`);
    }
    applied = null;
  }
  await ensureJournal(tx);
  await runMigrations(tx, applied, target.createdAt);
}

type Deferred = { table: string; constraint: string };

const alterConstraint = (d: Deferred, how: SQL) =>
  sql`alter table ${qualified({ schema: APP_SCHEMA, name: d.table })} alter constraint ${sql.identifier(d.constraint)} ${how}`;

/** A row may point at a row of its own table inserted later (editions): check those at the end. */
async function deferSelfReferences(tx: Db): Promise<Deferred[]> {
  const found = await selfReferences(tx);
  for (const d of found) await tx.execute(alterConstraint(d, sql`deferrable initially deferred`));
  return found;
}

/** Reads one table's header and rows from the backup and inserts them in batches. */
async function loadTable(tx: Db, input: BackupReader): Promise<number> {
  const head = (await input.next()) as Partial<TableHeader> | null;
  if (typeof head?.table !== "string" || !Array.isArray(head.columns) || typeof head.rows !== "number") {
    throw new BackupError(`The backup is damaged: line ${input.line} should start a table.`);
  }
  const info = await targetTable(tx, head as TableHeader);
  const label = `${head.schema}.${head.table}`;
  if (head.schema === JOURNAL.schema) await tx.execute(sql`delete from ${qualified(JOURNAL)}`);
  const names = head.columns.map((c) => c.name);
  const insert = insertStatement(info, names);
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length > 0) await run(tx, label, insert(`[${batch.join(",")}]`));
    batch = [];
    chars = 0;
  };
  for (let i = 0; i < head.rows; i++) {
    const line = await input.nextRaw();
    if (!line.startsWith("["))
      throw new BackupError(`The backup is damaged: line ${input.line} should be a row of ${label}.`);
    if (line.includes('{"chunks":')) {
      await flush();
      await insertLargeRow(tx, info, names, line, input);
      continue;
    }
    batch.push(line);
    chars += line.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
  }
  await flush();
  return head.rows;
}

/** The target's table, which must have every column the backup has. */
async function targetTable(tx: Db, head: TableHeader): Promise<TableInfo> {
  const allowed =
    head.schema === APP_SCHEMA || (head.schema === JOURNAL.schema && head.table === JOURNAL.name);
  const info = allowed ? await tableInfo(tx, head.schema, head.table) : null;
  if (!info)
    throw new BackupError(`The backup holds a table ${head.schema}.${head.table} that this schema lacks.`);
  const missing = head.columns.filter((c) => !info.columns.some((t) => t.name === c.name));
  if (missing.length > 0) {
    throw new BackupError(
      `The backup's ${head.table} has columns this schema lacks: ${missing.map((c) => c.name).join(", ")}.`,
    );
  }
  return info;
}

/** Runs one statement of a table's restore, naming the table when the database refuses it. */
async function run(tx: Db, label: string, statement: SQL): Promise<void> {
  await tx.execute(statement).catch((e: Error & { cause?: Error }) => {
    throw new BackupError(`Restoring ${label} failed: ${e.cause?.message ?? e.message}`);
  });
}

/**
 * INSERT … SELECT from a JSON array of rows (one text parameter, whatever the driver), cast per
 * column; the columns in `fromPieces` are instead joined from the pieces of a large value.
 */
function insertStatement(info: TableInfo, names: string[], fromPieces = new Set<number>()) {
  const types = new Map(info.columns.map((c) => [c.name, c.type]));
  const values = names.map((name, i) => {
    const v = sql.raw(`r->>${i}`);
    const type = types.get(name)!;
    if (fromPieces.has(i))
      return sql`(select string_agg(b, ''::bytea order by n) from restore_pieces where col = ${sql.raw(String(i))})`;
    return type === "bytea" ? sql`decode(${v}, 'base64')` : sql`cast(${v} as ${sql.raw(type)})`;
  });
  const columns = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  const overriding = info.identityAlways ? sql`overriding system value ` : sql``;
  return (json: string) =>
    sql`insert into ${qualified(info)} (${columns}) ${overriding}select ${sql.join(values, sql`, `)}
        from json_array_elements(${json}::text::json) as r`;
}

/**
 * A row whose large bytea values follow it in pieces: each piece goes into a temporary table as it is
 * read and the server joins them, so the client never holds a whole file.
 */
async function insertLargeRow(tx: Db, info: TableInfo, names: string[], line: string, input: BackupReader) {
  const label = `${info.schema}.${info.name}`;
  await tx.execute(
    sql`create temporary table if not exists restore_pieces (col int, n int, b bytea) on commit drop`,
  );
  await tx.execute(sql`truncate restore_pieces`);
  const values = JSON.parse(line) as unknown[];
  const joined = new Set<number>();
  for (const [i, v] of values.entries()) {
    const chunks = v !== null && typeof v === "object" ? (v as { chunks?: unknown }).chunks : undefined;
    if (typeof chunks !== "number" || info.columns.find((c) => c.name === names[i])?.type !== "bytea")
      continue;
    for (let n = 0; n < chunks; n++) {
      const piece = await input.next();
      if (typeof piece !== "string")
        throw new BackupError(`The backup is damaged: line ${input.line} should be a piece of a file.`);
      await run(tx, label, sql`insert into restore_pieces values (${i}, ${n}, decode(${piece}, 'base64'))`);
    }
    values[i] = null;
    joined.add(i);
  }
  await run(tx, label, insertStatement(info, names, joined)(JSON.stringify([values])));
}
