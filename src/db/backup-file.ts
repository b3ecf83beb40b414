import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip, type Gzip } from "node:zlib";
import type { ColumnInfo } from "./catalog.js";

/*
 * The backup format: gzip'd JSON lines, read and written one line at a time.
 *   1. a header: BackupHeader
 *   2. for each table: a TableHeader, then `rows` lines, each a JSON array of the row's values as
 *      PostgreSQL's text output (null for NULL); a bytea value is base64, or, when larger than
 *      BYTEA_CHUNK, `{"chunks": k}` followed by k lines each holding one base64 string
 *   3. a trailer: BackupTrailer. A file without it is incomplete and never restored.
 */

export const FORMAT = "isecg-backup";
export const FORMAT_VERSION = 1;

/** Bytes per piece of a large bytea value: a line of about 1 MB once in base64. */
export const BYTEA_CHUNK = 768 * 1024;

/** The last migration applied to the backed-up database (drizzle's journal row). */
export type MigrationMark = { createdAt: number; hash: string; tag: string | null };

export type BackupHeader = {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  migration: MigrationMark;
  tables: number;
};
export type TableHeader = { schema: string; table: string; columns: ColumnInfo[]; rows: number };
export type BackupTrailer = { end: true; tables: number; rows: number };

/** A backup that cannot be made or read as asked; the message says why, for the command line. */
export class BackupError extends Error {}

/** Writes lines into `FILE.partial`, gzip'd, and renames it to FILE only once the backup is whole. */
export class BackupWriter {
  private gzip: Gzip = createGzip();
  private done: Promise<void>;
  /** Settles once the file is open, so a bad path fails before the database is read. */
  readonly opened: Promise<unknown>;

  constructor(private readonly path: string) {
    const file = createWriteStream(`${path}.partial`);
    this.opened = once(file, "open").catch((e: Error) => {
      throw new BackupError(`Cannot write ${path}: ${e.message}`);
    });
    this.done = pipeline(this.gzip, file);
    // Observed in write() and finish(); this only keeps an early failure from going unhandled.
    this.done.catch(() => {});
  }

  /** Appends one value as a JSON line, waiting when the disk is slower than the database. */
  async write(value: unknown): Promise<void> {
    if (!this.gzip.write(`${JSON.stringify(value)}\n`))
      await Promise.race([once(this.gzip, "drain"), this.done]);
  }

  /** Flushes and puts the file in place. */
  async finish(): Promise<void> {
    this.gzip.end();
    await this.done;
    await rename(`${this.path}.partial`, this.path);
  }

  /** Drops the unfinished file. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.done.catch(() => {});
    await rm(`${this.path}.partial`, { force: true });
  }
}

/** Reads a backup line by line, turning damage (bad gzip, bad JSON, an early end) into a BackupError. */
export class BackupReader {
  private lines: AsyncGenerator<string>;
  line = 0;

  constructor(private readonly path: string) {
    this.lines = readLines(path);
  }

  /** The next line as it is in the file. */
  async nextRaw(): Promise<string> {
    let next: IteratorResult<string>;
    try {
      next = await this.lines.next();
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
      throw new BackupError(`${this.path} cannot be read as a backup (${why}).`);
    }
    if (next.done) throw new BackupError(`${this.path} is incomplete: it ends after line ${this.line}.`);
    this.line++;
    return next.value;
  }

  /** The next line, parsed. */
  async next(): Promise<unknown> {
    const raw = await this.nextRaw();
    try {
      return JSON.parse(raw);
    } catch {
      throw new BackupError(`${this.path} is damaged: line ${this.line} is not valid JSON.`);
    }
  }

  /** Stops reading and closes the file. */
  async close(): Promise<void> {
    await this.lines.return(undefined).catch(() => {});
  }
}

/** The file's lines, decompressed on the fly; only the current line is held in memory. */
async function* readLines(path: string): AsyncGenerator<string> {
  const source = createReadStream(path);
  const gunzip = createGunzip();
  source.on("error", (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let pending: string[] = [];
  for await (const chunk of gunzip) {
    const parts = decoder.write(chunk as Buffer).split("\n");
    for (const part of parts.slice(0, -1)) {
      pending.push(part);
      yield pending.join("");
      pending = [];
    }
    pending.push(parts.at(-1)!);
  }
  const last = pending.join("") + decoder.end();
  if (last) yield last;
}
