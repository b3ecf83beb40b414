/**
 * Mission import at scale: 100,000 generated missions as CSV (written by the export), imported
 * through `importMissions` (the use case behind the page, the API and the CLI): read, check every
 * row in memory, then insert in batches inside one transaction. Target <= 20 s. Runs on the
 * embedded database (a fresh one on disk) and, when DATABASE_URL is set, on that PostgreSQL
 * database too, inside a transaction rolled back at the end (nothing is left behind there).
 *
 * The baseline, measured in the same run on the same database: one plain multi-row INSERT per
 * 1,000 rows of the same missions' columns, nothing else (no parsing, checks, links or history).
 *
 *   npm run bench:import                     # embedded only
 *   DATABASE_URL=postgresql://… npm run bench:import
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { loadConfig } from "../src/config.js";
import { type Database, type Db, openDatabase } from "../src/db/client.js";
import { missions } from "../src/db/schema/index.js";
import type { Deps } from "../src/deps.js";
import { readDataset, seedDataset } from "../src/features/dataset/dataset.seed.js";
import { importMissions } from "../src/features/roadmap/import/mission-import.service.js";
import { missionsCsv } from "../src/features/roadmap/roadmap.export.js";
import { systemActor } from "../src/http/actor.js";
import { createLogger } from "../src/http/logger.js";
import { PageCache } from "../src/http/page-cache.js";
import { generatedMissions } from "../tests/support/missions.js";

const N = Number(process.env.IMPORT_MISSIONS ?? 100_000);
const TARGET_S = 20;
const BATCH = 1000;

class Rollback extends Error {}

/** The generated missions, led by ESA with NASA or JAXA as partners and a GER objective each. */
function benchMissions() {
  return generatedMissions(N, { firstYear: 1990, years: 60 }).map((m, k) => ({
    ...m,
    slug: `bench-${m.slug}`,
    partners: k % 3 === 0 ? [{ id: 0, acronym: k % 2 ? "NASA" : "JAXA", slug: "" }] : [],
    objectives: k % 2 ? ["G4.1"] : [],
    instruments: k % 5 === 0 ? ["Camera", "Spectrometer"] : [],
    description: k % 4 === 0 ? `Mission ${k}, with a description "quoted", and a comma.` : null,
  }));
}

/** Runs fn inside a transaction that is always rolled back, and returns its result. */
async function rolledBack<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await db
    .transaction(async (tx) => {
      result = await fn(tx as Db);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return result as T;
}

/** Wall time and this process's CPU time (on a shared machine the wall time includes waiting for a core). */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

/** The baseline: the same missions' columns, a thousand rows per INSERT, in one transaction. */
async function baseline(db: Db, esaId: number, list: ReturnType<typeof benchMissions>) {
  return timed(() =>
    rolledBack(db, async (tx) => {
      for (let k = 0; k < list.length; k += BATCH) {
        const rows = list.slice(k, k + BATCH).map((m) => ({
          slug: m.slug,
          name: m.name,
          leadOrganisationId: esaId,
          destination: m.destination,
          crewed: m.crewed,
          launchOn: m.launchOn,
          launchPrecision: m.launchPrecision,
          status: m.status,
          instruments: m.instruments,
          description: m.description,
        }));
        await tx.insert(missions).values(rows);
      }
    }),
  );
}

async function benchOn(
  label: string,
  database: Database,
  deps: Deps,
  csv: string,
  list: ReturnType<typeof benchMissions>,
) {
  await database.migrate();
  await seedDataset(deps, await readDataset(deps.config.datasetDir));
  const esa = await deps.db.query.organisations.findFirst({ where: (o, { eq }) => eq(o.acronym, "ESA") });
  const base = await baseline(deps.db, esa!.id, list);
  // The rolled-back baseline leaves 100,000 dead rows under the very slugs the import writes, which
  // every unique check would wade through; a real import meets a vacuumed table (autovacuum on a
  // server; the embedded database has none, so clear them here).
  await deps.db.execute(sql`vacuum missions`);
  const actor = systemActor("bench");
  const dry = await timed(() => importMissions(deps, actor, { text: csv, format: "csv", dryRun: true }));
  const run = await timed(() =>
    rolledBack(deps.db, (tx) =>
      importMissions({ ...deps, db: tx }, actor, { text: csv, format: "csv", dryRun: false }),
    ),
  );
  if (run.value.errors.length || run.value.created.length !== N) {
    throw new Error(
      `${label}: the import did not create ${N} missions: ${JSON.stringify(run.value.errors.slice(0, 3))}`,
    );
  }
  return {
    label,
    baselineMs: base.ms,
    baselineCpuMs: base.cpuMs,
    dryRunMs: dry.ms,
    importMs: run.ms,
    importCpuMs: run.cpuMs,
  };
}

function depsFor(database: Database, dataDir: string): Deps {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  return {
    db: database.db,
    config,
    cache: new PageCache(),
    log: createLogger("warn"),
    now: () => new Date(),
  };
}

async function main() {
  const list = benchMissions();
  const csv = missionsCsv(list, "http://bench.invalid");
  console.log(`${N} missions, ${(csv.length / 1024 / 1024).toFixed(1)} MiB of CSV`);
  const dir = mkdtempSync(join(tmpdir(), "isecg-bench-import-"));
  const results = [];
  try {
    const embedded = await openDatabase({ dataDir: dir });
    try {
      results.push(await benchOn("embedded (PGlite, on disk)", embedded, depsFor(embedded, dir), csv, list));
    } finally {
      await embedded.close();
    }
    if (process.env.DATABASE_URL) {
      const server = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
      try {
        results.push(await benchOn("PostgreSQL server", server, depsFor(server, dir), csv, list));
      } finally {
        await server.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  for (const r of results) {
    const verdict = r.importMs / 1000 <= TARGET_S ? "ok" : "OVER TARGET";
    console.log(
      `${r.label.padEnd(28)} import ${(r.importMs / 1000).toFixed(1).padStart(5)} s (target <= ${TARGET_S} s) ${verdict}; ` +
        `dry run ${(r.dryRunMs / 1000).toFixed(1)} s; baseline INSERT ${(r.baselineMs / 1000).toFixed(1)} s; ` +
        `ratio ${(r.importMs / r.baselineMs).toFixed(1)}x; CPU of this process: import ` +
        `${(r.importCpuMs / 1000).toFixed(1)} s, baseline ${(r.baselineCpuMs / 1000).toFixed(1)} s`,
    );
  }
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/import-latest.json", `${JSON.stringify({ missions: N, results }, null, 2)}\n`);
}

await main();
