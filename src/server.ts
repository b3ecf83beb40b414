import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { type Database, openDatabase, withStartupLock } from "./db/client.js";
import { connectControl } from "./db/control.js";
import type { Deps } from "./deps.js";
import { isEmpty, readDataset, seedDataset } from "./features/dataset/dataset.seed.js";
import { importDiskFiles } from "./features/publications/publications.disk.import.js";
import { issueSetupCode } from "./features/setup/setup.service.js";
import { answerFromPageCache } from "./http/cache.js";
import { createLogger, type Logger } from "./http/logger.js";
import { PageCache } from "./http/page-cache.js";
import { platformJobs } from "./jobs/jobs.js";
import { type Exclusively, startScheduler } from "./jobs/scheduler.js";
import { closePngRenderer } from "./web/charts/png.js";

/** Opens the database, applies migrations and, on first start, loads the dataset. */
export async function prepareDatabase(
  config: Config,
  log: Logger,
): Promise<{ database: Database; deps: Deps }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const deps: Deps = { db: database.db, config, cache: new PageCache(), log, now: () => new Date() };
  // The command line writes through this process's socket; what it changes may be on cached pages.
  database.onExternalWrite?.(() => deps.cache.invalidate());
  await withStartupLock(database, async () => {
    await importDiskFiles(deps);
    if (await isEmpty(deps)) {
      const report = await seedDataset(deps, await readDataset(config.datasetDir));
      log.info("loaded the dataset into an empty database", report);
    }
  });
  return { database, deps };
}

/**
 * With a PostgreSQL server, instances share page-cache invalidations and take turns at jobs through
 * one control connection each; the embedded database has one process, which runs every job itself.
 */
function shareWithOtherInstances(
  database: Database,
  deps: Deps,
): { exclusively: Exclusively; close: () => Promise<void> } {
  if (!database.pool) {
    const exclusively: Exclusively = async (_name, fn) => {
      await fn();
      return true;
    };
    return { exclusively, close: async () => {} };
  }
  const control = connectControl(database.pool, {
    log: deps.log,
    onInvalidation: (staleness) => deps.cache.invalidateLocally(staleness),
    // Invalidations sent while the connection was down were missed: drop everything once.
    onReconnect: () => deps.cache.invalidateLocally(),
  });
  deps.cache.onInvalidate(control.announceInvalidation);
  return control;
}

/**
 * On a database with no secretariat yet, prints a one-time setup address: whoever reads the log (the
 * operator) opens it in a browser to create the first secretariat account.
 */
async function announceSetup(deps: Deps): Promise<void> {
  const code = await issueSetupCode(deps);
  if (!code) return;
  const url = `${deps.config.baseUrl.replace(/\/$/, "")}/setup/${code}`;
  deps.log.warn("first run: no secretariat account yet; open this address once to create it", { url });
}

/** Starts the platform and returns a function that shuts it down gracefully. */
export async function startServer(config: Config): Promise<{ close: () => Promise<void>; port: number }> {
  const log = createLogger(config.logLevel);
  const { database, deps } = await prepareDatabase(config, log);
  const shared = shareWithOtherInstances(database, deps);
  const app = createApp(deps);
  const stopJobs = startScheduler(deps, platformJobs(deps), shared.exclusively);
  // Cached visitor pages are answered on Node's own request, before the app; the rest go to Hono.
  const handle = getRequestListener(app.fetch);
  const server = createServer((req, res) => {
    if (!answerFromPageCache(deps, req, res)) void handle(req, res);
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port));
  });
  database.owner?.describe({ url: config.baseUrl });
  log.info("listening", { url: config.baseUrl, host: config.host, port, database: database.kind });
  await announceSetup(deps);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await stopJobs();
      // Stop accepting connections, let requests in flight finish, then close idle keep-alive sockets.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      });
      await closePngRenderer(deps);
      await shared.close();
      await database.close();
      log.info("stopped");
    })();
    return closing;
  };
  return { close, port };
}
