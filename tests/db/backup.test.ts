import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { backupToFile } from "../../src/db/backup.js";
import { BYTEA_CHUNK } from "../../src/db/backup-file.js";
import { appTableNames } from "../../src/db/catalog.js";
import type { Database } from "../../src/db/client.js";
import { restoreFromFile } from "../../src/db/restore.js";
import { publications } from "../../src/db/schema/index.js";
import { codeMigrations } from "../../src/db/schema-version.js";
import { createPublication } from "../../src/features/publications/publications.service.js";
import { makePerson } from "../support/actors.js";
import { fingerprints, openEmptyDatabase } from "../support/backup.js";
import { makeDeps, openCopy } from "../support/database.js";
import { makeMatrixMeeting } from "../support/meetings.js";
import { makePdf } from "../support/pdf.js";

const dir = mkdtempSync(join(tmpdir(), "isecg-backup-"));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of cleanups.splice(0)) await drop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A backup of the seeded database, made once; most tests restore it (or a changed copy of it).
const seeded = join(dir, "seeded.backup");
let seededDb: Database;
beforeAll(async () => {
  const copy = await openCopy();
  seededDb = copy.database;
  await backupToFile(seededDb.db, seeded);
  return copy.drop;
}, 60_000);

/** A database opened for this test only, dropped afterwards. */
async function track(opened: Promise<{ database: Database; drop: () => Promise<void> }>) {
  const { database, drop } = await opened;
  cleanups.push(drop);
  return database;
}

/** A seeded database with a few more records: two editions pointing at each other, files, a meeting. */
async function siteWithRecords() {
  const source = await track(openCopy());
  const deps = makeDeps(source.db);
  const secretariat = await makePerson(deps, ["secretariat"], null);
  const pdf = await makePdf(["Backups that restore"]);
  // Larger than two backup pieces, so it is written and read back in parts.
  const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(2 * BYTEA_CHUNK + 1000)]);
  const base = { category: "other", postedOn: "2025-01-02" };
  const first = await createPublication(
    deps,
    secretariat,
    { ...base, title: "Backup handbook" },
    {
      name: "handbook.pdf",
      type: "application/pdf",
      bytes: pdf,
    },
  );
  const second = await createPublication(
    deps,
    secretariat,
    { ...base, title: "Backup handbook, second edition", previousEdition: first.slug },
    { name: "big.pdf", type: "application/pdf", bytes: big },
  );
  // The first edition now points at a later row too: restore has to defer that check.
  await source.db
    .update(publications)
    .set({ previousEditionId: second.id })
    .where(eq(publications.id, first.id));
  await makeMatrixMeeting(deps, secretariat);
  return {
    source,
    files: [
      { slug: first.slug, bytes: pdf },
      { slug: second.slug, bytes: big },
    ],
  };
}

/** The seeded backup's lines, parsed, to make changed copies of it. */
const seededLines = () =>
  gunzipSync(readFileSync(seeded))
    .toString()
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));

/** Writes lines as a backup file and returns its path. */
const writeLines = (name: string, lines: unknown[]) => {
  const file = join(dir, name);
  writeFileSync(file, gzipSync(`${lines.map((l) => JSON.stringify(l)).join("\n")}\n`));
  return file;
};

const writeBytes = (name: string, bytes: Uint8Array) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};

const maxId = async (db: Database["db"]) =>
  (await db.select({ n: sql<number>`max(${publications.id})::int` }).from(publications))[0]!.n;

describe("backup and restore", () => {
  it("gives back the same site in an empty database: every table, the files, and ids that continue", async () => {
    const { source, files } = await siteWithRecords();
    const file = join(dir, "site.backup");
    const made = await backupToFile(source.db, file);
    const target = await track(openEmptyDatabase());

    const restored = await restoreFromFile(target.db, file);

    expect(restored).toEqual(made);
    expect(made.migration.tag).toBe(codeMigrations().at(-1)!.tag);
    const expected = await fingerprints(source.db);
    expect(Object.keys(expected).length).toBe(made.tables);
    expect(await fingerprints(target.db)).toEqual(expected);
    const app = createApp(makeDeps(target.db));
    for (const f of files) {
      const res = await app.request(`/publications/${f.slug}/file`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(f.bytes)).toBe(true);
    }
    const before = await maxId(target.db);
    const [added] = await target.db
      .insert(publications)
      .values({ slug: "after-restore", title: "After restore", category: "other" })
      .returning({ id: publications.id });
    expect(added!.id).toBe(before + 1);
  }, 120_000);

  it("refuses to start a backup into a folder that does not exist", async () => {
    await expect(backupToFile(seededDb.db, join(dir, "no-such-folder", "x.backup"))).rejects.toThrow(
      /Cannot write .*x\.backup: ENOENT/,
    );
  });

  it("restores into a database already migrated to the backup's schema, as the command line leaves it", async () => {
    const target = await track(openEmptyDatabase());
    await target.migrate();
    await restoreFromFile(target.db, seeded);
    expect(await fingerprints(target.db)).toEqual(await fingerprints(seededDb.db));
  }, 120_000);

  it("restores a backup of an older schema into a database migrated further, then migrates on", async () => {
    // The same backup as the version before the latest migration wrote it: without the tables that
    // migration creates, if any (their rows too), and without its row in drizzle's migrations table.
    // and without the columns it adds to older tables.
    const [previous, latest] = codeMigrations().slice(-2);
    const statements = latest!.statements.join("\n");
    const created = [...statements.matchAll(/CREATE TABLE "(\w+)"/g)].map((m) => m[1]!);
    const added = [...statements.matchAll(/ALTER TABLE "(\w+)" ADD COLUMN "(\w+)"/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]);
    const lines = seededLines();
    const header = {
      ...lines[0],
      migration: { ...previous, statements: undefined },
      tables: lines[0].tables - created.length,
    };
    let table = "";
    let dropped: number[] = [];
    const kept = lines
      .slice(1, -1)
      .filter((l) => {
        if (!Array.isArray(l)) table = l.table;
        return !created.includes(table) && l[2] !== String(latest!.createdAt);
      })
      .map((l) => {
        if (!Array.isArray(l)) {
          const gone = added.filter(([t]) => t === l.table).map(([, c]) => c);
          dropped = l.columns.flatMap((c: { name: string }, i: number) => (gone.includes(c.name) ? [i] : []));
          return { ...l, columns: l.columns.filter((_: unknown, i: number) => !dropped.includes(i)) };
        }
        return l.filter((_: unknown, i: number) => !dropped.includes(i));
      });
    kept[0].rows -= 1;
    const rows = kept.filter(Array.isArray).length;
    const file = writeLines("older.backup", [header, ...kept, { end: true, tables: header.tables, rows }]);
    const target = await track(openEmptyDatabase());
    await target.migrate();

    await restoreFromFile(target.db, file);

    for (const name of created) expect(await appTableNames(target.db)).not.toContain(name);
    await target.migrate();
    const restored = await fingerprints(target.db);
    const seededPrints = await fingerprints(seededDb.db);
    // What the latest migration's tables hold came from the seed, not from the backup.
    for (const name of created) {
      delete restored[`public.${name}`];
      delete seededPrints[`public.${name}`];
    }
    expect(restored).toEqual(seededPrints);
  }, 120_000);
});

describe("restore refuses", () => {
  // One empty database for the refusals below: each must leave it as empty as it was.
  let empty: Database;
  beforeAll(async () => {
    const opened = await openEmptyDatabase();
    empty = opened.database;
    return opened.drop;
  }, 60_000);

  it("a database that holds rows, naming the tables, and changes nothing", async () => {
    const before = await fingerprints(seededDb.db);
    await expect(restoreFromFile(seededDb.db, seeded)).rejects.toThrow(
      /database is not empty \((annual_[a-z_]+, )*audit_log, .* hold rows\)/,
    );
    expect(await fingerprints(seededDb.db)).toEqual(before);
  }, 120_000);

  it("a truncated or damaged file with a clear message, leaving the empty database untouched", async () => {
    const whole = readFileSync(seeded);
    const lines = seededLines();
    const organisations = lines.findIndex((l) => l.table === "organisations");
    const badRow = lines.map((l, i) => (i === organisations + 1 ? ["not a number", ...l.slice(1)] : l));
    const cases: [string, RegExp][] = [
      [
        writeBytes("cut.backup", whole.subarray(0, whole.length >> 1)),
        /cannot be read as a backup \(unexpected end of file\)/,
      ],
      [
        writeBytes("noise.backup", randomBytes(2000)),
        /cannot be read as a backup \(incorrect header check\)/,
      ],
      [writeLines("short.backup", lines.slice(0, -40)), /is incomplete: it ends after line \d+/],
      [
        writeLines("bad-row.backup", badRow),
        /Restoring public.organisations failed: invalid input syntax for type integer/,
      ],
      [writeLines("other.backup", [{ hello: "world" }]), /is not a backup of this platform/],
      [join(dir, "missing.backup"), /cannot be read as a backup \(no such file\)/],
    ];
    for (const [file, message] of cases) {
      await expect(restoreFromFile(empty.db, file)).rejects.toThrow(message);
      expect(await fingerprints(empty.db)).toEqual({});
    }
  }, 120_000);

  it("a backup made by a newer version of the platform", async () => {
    const [header, ...rest] = seededLines();
    const migration = {
      createdAt: header.migration.createdAt + 1000,
      hash: "x",
      tag: "9999_from_the_future",
    };
    const file = writeLines("newer.backup", [{ ...header, migration }, ...rest]);
    await expect(restoreFromFile(empty.db, file)).rejects.toThrow(
      /newer version of the platform.*9999_from_the_future/,
    );
  }, 120_000);
});
