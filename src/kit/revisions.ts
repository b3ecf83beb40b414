import { count, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import type { Deps } from "../deps.js";
import type { Actor } from "../http/actor.js";
import { forbidden, notFound } from "../http/errors.js";
import { type AuditEntry, write } from "./write.js";

// One way to keep versions of a record (news articles, content pages, missions): every save stores
// a revision in the same write() transaction, the history lists them newest first, and restoring
// one saves its content again as a new revision, so nothing is ever overwritten. A feature supplies
// its table and how its record becomes the stored snapshot and back; this module does the rest.

/** Who a revision names: the person (by id too, so an erasure finds the copy of the name), else the system. */
export function revisionAuthor(actor: Actor): { authorId: number | null; authorName: string } {
  return {
    authorId: actor.kind === "person" ? actor.id : null,
    authorName: actor.kind === "person" || actor.kind === "system" ? actor.name : "visitor",
  };
}

/** The fields whose values differ between two snapshots (compared as JSON), in the order of `after`. */
export function changedFields<T extends object>(before: T, after: T): Array<keyof T & string> {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a).filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])) as Array<
    keyof T & string
  >;
}

/** Only the named fields of a snapshot (the before and after of a change). */
export function pickFields(
  values: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, values[k]]));
}

/** How many revisions one page of a history lists. */
export const revisionsPerPage = 25;

/** The page of a history a `?page=` query asks for (1 when absent or not a page number). */
export function historyPage(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** The number of the `i`th revision on a page of a history, counted from the first (for tables with no number). */
export const numberFromFirst = (list: { total: number; page: number }, i: number) =>
  list.total - (list.page - 1) * revisionsPerPage - i;

/** A feature's revisions table: the column naming the record, and the order that puts the newest first. */
export type RevisionTable<T extends PgTable> = { table: T; recordId: PgColumn; newestFirst: SQL[] };

/** One page of a record's revisions, newest first, with how many there are and how many pages. */
export async function listRevisionPage<T extends PgTable>(
  db: Db,
  spec: RevisionTable<T>,
  recordId: number,
  page: number,
  perPage = revisionsPerPage,
): Promise<{ rows: T["$inferSelect"][]; total: number; page: number; pages: number }> {
  const where = eq(spec.recordId, recordId);
  const table = spec.table as PgTable;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(table)
      .where(where)
      .orderBy(...spec.newestFirst)
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: count() }).from(table).where(where),
  ]);
  const n = total?.n ?? 0;
  return { rows: rows as T["$inferSelect"][], total: n, page, pages: Math.max(1, Math.ceil(n / perPage)) };
}

/** What a feature supplies to keep and restore versions of its records. */
export type Revisions<TRecord, TSnapshot, TRevision> = {
  /** The record in messages ("The article"), and one of its versions ("The revision"). */
  recordName: string;
  revisionName: string;
  /** The named policy: may this actor change (and so restore) this record? */
  allowed: (actor: Actor, record: TRecord) => boolean;
  refusal: string;
  /** One revision of the record, undefined when it does not exist or belongs to another record. */
  find: (db: Db, record: TRecord, ref: number) => Promise<TRevision | undefined>;
  /** The content a revision stored. */
  snapshotOf: (revision: TRevision) => TSnapshot;
  /** Puts a snapshot on the record and stores it as its newest revision, inside write()'s transaction. */
  save: (
    tx: Db,
    actor: Actor,
    current: TRecord,
    snapshot: TSnapshot,
    note: string | null,
  ) => Promise<Saved<TRecord>>;
};

/** A saved version: the record as it now is, and the reference of its new revision. */
export type Saved<TRecord> = { record: TRecord; ref: number };

/**
 * Saves a snapshot as the record's newest version in one write(): the record, its revision and the
 * audit entry that `describe` makes of it commit together or not at all.
 */
export function saveRevision<TRecord, TSnapshot, TRevision>(
  deps: Pick<Deps, "db" | "cache">,
  actor: Actor,
  kind: Revisions<TRecord, TSnapshot, TRevision>,
  current: TRecord,
  snapshot: TSnapshot,
  opts: { note: string | null; describe: (saved: Saved<TRecord>) => AuditEntry },
): Promise<TRecord> {
  return write(deps, actor, async (tx, audit) => {
    const saved = await kind.save(tx, actor, current, snapshot, opts.note);
    await audit(opts.describe(saved));
    return saved.record;
  });
}

/**
 * Restores one revision of a record as a new revision: the policy first (403, nothing written), then
 * the revision (404 when it is not this record's), then the save and its audit entry in one write().
 */
export async function restoreRevision<TRecord, TSnapshot, TRevision>(
  deps: Pick<Deps, "db" | "cache">,
  actor: Actor,
  kind: Revisions<TRecord, TSnapshot, TRevision>,
  current: TRecord | undefined,
  ref: number,
  opts: {
    note: (revision: TRevision) => string | null;
    describe: (saved: Saved<TRecord>, revision: TRevision) => AuditEntry;
  },
): Promise<TRecord> {
  if (!current) throw notFound(kind.recordName);
  if (!kind.allowed(actor, current)) throw forbidden(kind.refusal);
  const revision = await kind.find(deps.db, current, ref);
  if (!revision) throw notFound(kind.revisionName);
  return saveRevision(deps, actor, kind, current, kind.snapshotOf(revision), {
    note: opts.note(revision),
    describe: (saved) => opts.describe(saved, revision),
  });
}

/**
 * A record's values as one revision left them, for revisions that keep only what changed: the
 * current values with the `before` of every later revision put back, newest first.
 */
export function rewind<T extends object>(current: T, laterBefores: Array<Record<string, unknown> | null>): T {
  let values: T = { ...current };
  for (const before of laterBefores) if (before) values = { ...values, ...before };
  return values;
}
