import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client.js";
import { readDataset, seedDataset } from "../../src/features/dataset/dataset.seed.js";
import { createLogger } from "../../src/http/logger.js";
import { PageCache } from "../../src/http/page-cache.js";
import { testConfig } from "./config.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated and seeded PGlite data directory, as a tarball on disk. */
    pgliteTemplate: string;
    /** On a PostgreSQL server: the server URL and the template database holding the migrated, seeded schema. */
    pgServer: { url: string; template: string } | null;
  }
}

/** Migrates and seeds one database once, for every test file to copy (a fast template). */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "isecg-test-"));
  const config = testConfig(dir);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (process.env.TEST_REQUIRE_PG && !serverUrl) {
    throw new Error("TEST_DATABASE_URL must point at a PostgreSQL server for this suite (see .ci/run).");
  }
  const seed = async (database: Awaited<ReturnType<typeof openDatabase>>) => {
    await database.migrate();
    const deps = {
      db: database.db,
      config,
      cache: new PageCache(),
      log: createLogger("silent"),
      now: () => new Date(),
    };
    await seedDataset(deps, await readDataset(config.datasetDir));
  };

  if (serverUrl) {
    const template = `isecg_test_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, template) });
    await seed(database);
    await database.close();
    project.provide("pgServer", { url: serverUrl, template });
    project.provide("pgliteTemplate", "");
    return async () => {
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    };
  }

  // A data directory starts as a copy of the installation's migrated template (src/db/template.ts),
  // which spares the suite PostgreSQL's initdb; each test file then loads this seeded tarball.
  const database = await openDatabase({ dataDir: join(dir, "data") });
  await seed(database);
  const dump = await database.pglite!.dumpDataDir("none");
  const file = join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplate", file);
  project.provide("pgServer", null);
  return () => rmSync(dir, { recursive: true, force: true });
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
