import { sql } from "drizzle-orm";
import {
  BackupError,
  BackupWriter,
  BYTEA_CHUNK,
  FORMAT,
  FORMAT_VERSION,
  type MigrationMark,
} from "./backup-file.js";
import {
  APP_SCHEMA,
  dependencyOrder,
  JOURNAL,
  qualified,
  rows,
  type TableInfo,
  tableInfo,
} from "./catalog.js";
import type { Db } from "./client.js";
import { appliedMigration, codeMigrations } from "./schema-version.js";

/** What a backup holds. */
export type BackupSummary = { tables: number; rows: number; migration: MigrationMark };

/** Rows fetched from the cursor at a time: enough for speed, few enough for long texts. */
const FETCH_ROWS = 200;

/**
 * Writes a backup of every table of the app and drizzle's migrations journal to `path`: one
 * read-only, repeatable-read transaction, so the copy is consistent while the platform keeps
 * running; rows are streamed through a cursor, never all held in memory.
 */
export async function backupToFile(db: Db, path: string, now = new Date()): Promise<BackupSummary> {
  const out = new BackupWriter(path);
  try {
    await out.opened;
    const summary = await db.transaction((tx) => writeSnapshot(tx as Db, out, now), {
      isolationLevel: "repeatable read",
      accessMode: "read only",
    });
    await out.finish();
    return summary;
  } catch (e) {
    await out.abort();
    throw e;
  }
}

async function writeSnapshot(tx: Db, out: BackupWriter, now: Date): Promise<BackupSummary> {
  // Text output that any session reads back the same way.
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  const migration = await migrationMark(tx);
  const names = await dependencyOrder(tx);
  const tables: TableInfo[] = [(await tableInfo(tx, JOURNAL.schema, JOURNAL.name))!];
  for (const name of names) tables.push((await tableInfo(tx, APP_SCHEMA, name))!);
  await out.write({
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: now.toISOString(),
    migration,
    tables: tables.length,
  });
  let total = 0;
  for (const t of tables) total += await writeTable(tx, t, out);
  await out.write({ end: true, tables: tables.length, rows: total });
  return { tables: tables.length, rows: total, migration };
}

async function migrationMark(tx: Db): Promise<MigrationMark> {
  const applied = await appliedMigration(tx);
  if (!applied) throw new BackupError("The database has no migrations applied: there is nothing to back up.");
  const tag = codeMigrations().find((m) => m.createdAt === applied.createdAt)?.tag ?? null;
  return { ...applied, tag };
}

/** Writes a table's header and its rows; returns the number of rows. */
async function writeTable(tx: Db, t: TableInfo, out: BackupWriter): Promise<number> {
  const [counted] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${qualified(t)}`);
  const n = counted!.n;
  await out.write({ schema: t.schema, table: t.name, columns: t.columns, rows: n });
  const binary = t.columns.map((c) => c.type === "bytea");
  // Values as PostgreSQL's text output; for bytea only the size here, the bytes are read in pieces.
  const list = t.columns.map((c, i) => {
    const as = sql.identifier(`c${i}`);
    return binary[i]
      ? sql`octet_length(${sql.identifier(c.name)}) as ${as}`
      : sql`${sql.identifier(c.name)}::text as ${as}`;
  });
  await tx.execute(
    sql`declare backup_rows no scroll cursor for select ctid::text as ctid, ${sql.join(list, sql`, `)} from ${qualified(t)}`,
  );
  for (;;) {
    const batch = await rows<Record<string, string | number | null>>(
      tx,
      sql`fetch forward ${sql.raw(String(FETCH_ROWS))} from backup_rows`,
    );
    if (batch.length === 0) break;
    for (const r of batch) await writeRow(tx, t, binary, r, out);
  }
  await tx.execute(sql`close backup_rows`);
  return n;
}

/** One row's line; a bytea value larger than one piece follows it as one line per piece. */
async function writeRow(
  tx: Db,
  t: TableInfo,
  binary: boolean[],
  r: Record<string, string | number | null>,
  out: BackupWriter,
): Promise<void> {
  const values: unknown[] = [];
  const large: { column: string; size: number }[] = [];
  for (const [i, c] of t.columns.entries()) {
    const v = r[`c${i}`] ?? null;
    if (!binary[i] || v === null) values.push(v);
    else if (Number(v) <= BYTEA_CHUNK) values.push(await byteaPiece(tx, t, c.name, r.ctid as string, 0));
    else {
      values.push({ chunks: Math.ceil(Number(v) / BYTEA_CHUNK) });
      large.push({ column: c.name, size: Number(v) });
    }
  }
  await out.write(values);
  for (const { column, size } of large) {
    for (let at = 0; at < size; at += BYTEA_CHUNK)
      await out.write(await byteaPiece(tx, t, column, r.ctid as string, at));
  }
}

/** Base64 of one piece of a bytea value, found by the row's ctid (stable within the snapshot). */
async function byteaPiece(tx: Db, t: TableInfo, column: string, ctid: string, at: number): Promise<string> {
  const [piece] = await rows<{ b: string }>(
    tx,
    sql`select translate(encode(substring(${sql.identifier(column)} from ${at + 1} for ${BYTEA_CHUNK}), 'base64'), chr(10), '') as b
        from ${qualified(t)} where ctid = ${ctid}::tid`,
  );
  return piece!.b;
}
