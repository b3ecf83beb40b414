import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { type Database, openDatabase, withStartupLock } from "./db/client.js";
import type { Deps } from "./deps.js";
import { deleteExpiredSessions } from "./features/auth/sessions.js";
import { isEmpty, readDataset, seedDataset } from "./features/dataset/seed.js";
import { startMailWorker } from "./features/mail/mail.worker.js";
import { startMeetingClock } from "./features/meetings/meetings.clock.js";
import { startNewsScheduler } from "./features/news/news.publishing.js";
import { startReviewClock } from "./features/products/rounds.service.js";
import { startReminderClock } from "./features/reminders/reminders.clock.js";
import { answerFromPageCache } from "./http/cache.js";
import { createLogger, type Logger } from "./http/logger.js";
import { PageCache } from "./http/page-cache.js";
import { closePngRenderer } from "./web/charts/png.js";

/** Opens the database, applies migrations and, on first start, loads the dataset. */
export async function prepareDatabase(
  config: Config,
  log: Logger,
): Promise<{ database: Database; deps: Deps }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const deps: Deps = { db: database.db, config, cache: new PageCache(), log, now: () => new Date() };
  await withStartupLock(database, async () => {
    if (await isEmpty(deps)) {
      const report = await seedDataset(deps, await readDataset(config.datasetDir));
      log.info("loaded the dataset into an empty database", report);
    }
  });
  return { database, deps };
}

/** Spreads page-cache invalidations between instances sharing one PostgreSQL server. */
async function shareInvalidations(database: Database, deps: Deps): Promise<() => Promise<void>> {
  if (!database.pool) return async () => {};
  const listener = await database.pool.connect();
  const channel = "isecg_page_cache";
  const origin = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  listener.on("notification", (msg) => {
    if (msg.payload !== origin) deps.cache.invalidateLocally();
  });
  await listener.query(`listen ${channel}`);
  deps.cache.onInvalidate(() => {
    database.pool
      ?.query("select pg_notify($1, $2)", [channel, origin])
      .catch((e) => deps.log.warn("notify failed", { error: String(e) }));
  });
  return async () => {
    await listener.query(`unlisten ${channel}`).catch(() => {});
    listener.release();
  };
}

/** Starts the platform and returns a function that shuts it down gracefully. */
export async function startServer(config: Config): Promise<{ close: () => Promise<void>; port: number }> {
  const log = createLogger(config.logLevel);
  const { database, deps } = await prepareDatabase(config, log);
  const stopSharing = await shareInvalidations(database, deps);
  const app = createApp(deps);
  const sweep = setInterval(() => deleteExpiredSessions(deps.db, deps.now()).catch(() => {}), 3_600_000);
  sweep.unref();
  // Scheduled news goes live at its time even when nobody visits.
  const stopNewsScheduler = startNewsScheduler(deps);
  // Queued mail goes out over SMTP_URL (or into DATA_DIR/outbox as .eml files), with retries.
  const stopMailWorker = startMailWorker(deps);
  // A meeting that ends moves from "upcoming" to "past": cached public lists are dropped then.
  const stopMeetingClock = startMeetingClock(deps);
  // Reminders (registration open, meeting next week, actions due): each sent once across instances.
  const stopReminderClock = startReminderClock(deps);
  // Review rounds close at their deadline even when nobody visits (idempotent across instances).
  const stopReviewClock = startReviewClock(deps);
  // Cached visitor pages are answered on Node's own request, before the app; the rest go to Hono.
  const handle = getRequestListener(app.fetch);
  const server = createServer((req, res) => {
    if (!answerFromPageCache(deps, req, res)) void handle(req, res);
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port));
  });
  log.info("listening", { url: config.baseUrl, host: config.host, port, database: database.kind });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(sweep);
      stopNewsScheduler();
      stopMeetingClock();
      stopReminderClock();
      stopReviewClock();
      await stopMailWorker();
      // Stop accepting connections, let requests in flight finish, then close idle keep-alive sockets.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      });
      await closePngRenderer(deps);
      await stopSharing();
      await database.close();
      log.info("stopped");
    })();
    return closing;
  };
  return { close, port };
}
