import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { createApp } from "../../src/app.js";
import { type Database, type Db, openDatabase, pgliteOptions, wrapPglite } from "../../src/db/client.js";
import type { Deps } from "../../src/deps.js";
import { createLogger } from "../../src/http/logger.js";
import { PageCache } from "../../src/http/page-cache.js";
import { closePngRenderer } from "../../src/web/charts/png.js";
import { testConfig } from "./config.js";
import { withDatabase } from "./global-setup.js";

class Rollback extends Error {}

/** What each test gets: dependencies on a rolled-back transaction, and the app built on them. */
export type TestContext = { deps: Deps; app: ReturnType<typeof createApp>; database: Database };

/** Opens this file's copy of the template database (PGlite, or a fresh database on the server). */
export async function openCopy(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const server = inject("pgServer");
  if (server) {
    const name = `isecg_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`create database ${name} template ${server.template}`);
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
  const blob = new Blob([readFileSync(inject("pgliteTemplate"))]);
  const client = await PGlite.create({ loadDataDir: blob, ...pgliteOptions });
  const database = wrapPglite(client);
  return { database, drop: () => database.close() };
}

/**
 * The worker's embedded copy of the template, opened by the first file that asks and kept until the
 * worker ends. Starting PGlite is a second of WebAssembly work, and a run has a hundred files; each of
 * their tests rolls back, so every file finds the template as it was.
 */
let workerCopy: Promise<Database> | undefined;

/** A copy for a file whose tests roll back everything they do: the worker's, on the embedded database. */
async function openRolledBackCopy(
  ownCopy: boolean,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (ownCopy || inject("pgServer")) return openCopy();
  workerCopy ??= openCopy().then((copy) => copy.database);
  return { database: await workerCopy, drop: async () => {} };
}

/**
 * Gives every test in the file a seeded database inside a transaction that is rolled back
 * afterwards, so tests are isolated and cost about a millisecond each. A file that also commits
 * (through `t.database`, outside the tests' transactions) asks for its `ownCopy`.
 */
export function useTestDatabase(opts: { now?: () => Date; ownCopy?: boolean } = {}): TestContext {
  const ctx = {} as TestContext;
  let drop: () => Promise<void>;
  let release: () => void;
  let finished: Promise<void>;
  // One app for the file, over one Deps object whose fields each test sets afresh: building the app
  // (every feature's routes and the API document) took longer than most tests do.
  const deps = {} as Deps;

  beforeAll(async () => {
    const copy = await openRolledBackCopy(opts.ownCopy ?? false);
    ctx.database = copy.database;
    drop = copy.drop;
    ctx.app = createApp(Object.assign(deps, makeDeps(copy.database.db, opts.now)));
  }, 60_000);
  afterAll(async () => drop?.());

  beforeEach(async () => {
    await new Promise<void>((ready) => {
      finished = ctx.database.db
        .transaction(async (tx) => {
          ctx.deps = Object.assign(deps, makeDeps(tx as Db, opts.now));
          ready();
          await new Promise<void>((r) => {
            release = r;
          });
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
    });
  });
  afterEach(async () => {
    await closePngRenderer(ctx.deps);
    release();
    await finished;
  });
  return ctx;
}

/**
 * Gives the file its own copy of the seeded database with no transaction around each test: every
 * statement commits on its own, as in production. For what only that shows: requests racing on two
 * connections, a refused query that must not spoil the next. The file's tests share their writes.
 */
export function useCommittedDatabase(opts: { now?: () => Date } = {}): TestContext {
  const ctx = {} as TestContext;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const copy = await openCopy();
    drop = copy.drop;
    ctx.database = copy.database;
    ctx.deps = makeDeps(copy.database.db, opts.now);
    ctx.app = createApp(ctx.deps);
  }, 60_000);
  afterAll(async () => drop?.());
  return ctx;
}

/** Dependencies over a database handle, as each test gets them. */
export function makeDeps(db: Db, now?: () => Date): Deps {
  return {
    db,
    config: testConfig(tmpdir()),
    cache: new PageCache(),
    log: createLogger("silent"),
    now: now ?? (() => new Date()),
  };
}
