import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.js";

// What backup and restore read from pg_catalog: the same queries on PGlite and on a server.

/** The schema holding the platform's tables, and drizzle's journal of applied migrations. */
export const APP_SCHEMA = "public";
export const JOURNAL = { schema: "drizzle", name: "__drizzle_migrations" } as const;

/** A table by schema and name, and its columns that hold data (generated ones are left out). */
export type TableInfo = { schema: string; name: string; columns: ColumnInfo[]; identityAlways: boolean };
export type ColumnInfo = { name: string; type: string };

/** Rows of a raw query, as both drivers return them. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** `"schema"."name"`, quoted for SQL. */
export const qualified = (t: { schema: string; name: string }) =>
  sql`${sql.identifier(t.schema)}.${sql.identifier(t.name)}`;

/** The platform's tables (base tables of the app schema), by name. */
export async function appTableNames(db: Db): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c
        where c.relnamespace = to_regnamespace(${APP_SCHEMA}) and c.relkind in ('r', 'p') order by 1`,
  );
  return found.map((r) => r.name);
}

/** A table's columns in order with their full types, or null when the table does not exist. */
export async function tableInfo(db: Db, schema: string, name: string): Promise<TableInfo | null> {
  const cols = await rows<{ name: string; type: string; generated: string; identity: string }>(
    db,
    sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
          a.attgenerated::text as generated, a.attidentity::text as identity
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relname = ${name} and a.attnum > 0 and not a.attisdropped
        order by a.attnum`,
  );
  if (cols.length === 0) return null;
  return {
    schema,
    name,
    // Generated columns (the search vectors) are computed again on insert.
    columns: cols.filter((c) => c.generated === "").map((c) => ({ name: c.name, type: c.type })),
    identityAlways: cols.some((c) => c.identity === "a"),
  };
}

/** Foreign keys between the app's tables: each child with the parent it references. */
async function foreignKeys(db: Db): Promise<{ child: string; parent: string }[]> {
  return rows(
    db,
    sql`select c.relname as child, p.relname as parent
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        where k.contype = 'f' and c.relnamespace = to_regnamespace(${APP_SCHEMA})
          and p.relnamespace = to_regnamespace(${APP_SCHEMA})`,
  );
}

/**
 * The app's tables with every table after the tables it references, so rows can be inserted in
 * that order. A table referencing itself is fine (restore defers that check); a cycle between
 * tables is not, and is reported.
 */
export async function dependencyOrder(db: Db): Promise<string[]> {
  const names = await appTableNames(db);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const fk of await foreignKeys(db)) if (fk.child !== fk.parent) parents.get(fk.child)?.add(fk.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < names.length) {
    const ready = names.filter((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p)));
    if (ready.length === 0) {
      const left = names.filter((n) => !placed.has(n));
      throw new Error(`Foreign keys form a cycle between tables: ${left.join(", ")}.`);
    }
    for (const n of ready) {
      order.push(n);
      placed.add(n);
    }
  }
  return order;
}

/** Foreign keys of app tables that reference their own table, as `{ table, constraint }`. */
export async function selfReferences(db: Db): Promise<{ table: string; constraint: string }[]> {
  return rows(
    db,
    sql`select c.relname as table, k.conname as constraint
        from pg_constraint k join pg_class c on c.oid = k.conrelid
        where k.contype = 'f' and k.conrelid = k.confrelid and c.relnamespace = to_regnamespace(${APP_SCHEMA})
        order by 1, 2`,
  );
}

/** Sets every sequence behind a serial or identity column of the app and the journal past the highest id. */
export async function resetSequences(db: Db): Promise<number> {
  const owned = await rows<{ seq: string; tbl: string; col: string }>(
    db,
    sql`select format('%I.%I', sn.nspname, s.relname) as seq, format('%I.%I', tn.nspname, t.relname) as tbl,
          format('%I', a.attname) as col
        from pg_class s join pg_namespace sn on sn.oid = s.relnamespace
        join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
          and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
        join pg_class t on t.oid = d.refobjid join pg_namespace tn on tn.oid = t.relnamespace
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        where s.relkind = 'S' and tn.nspname in (${APP_SCHEMA}, ${JOURNAL.schema})`,
  );
  for (const o of owned) {
    // is_called = false: the next value handed out is max + 1 (1 for an empty table).
    await db.execute(
      sql`select setval(${o.seq}::regclass, coalesce(max(${sql.raw(o.col)}), 0) + 1, false) from ${sql.raw(o.tbl)}`,
    );
  }
  return owned.length;
}
