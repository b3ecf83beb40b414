import type pg from "pg";
import type { Logger } from "../http/logger.js";
import type { Staleness } from "../http/page-cache.js";
import type { Exclusively } from "../jobs/scheduler.js";

const CHANNEL = "isecg_page_cache";
// Job locks are advisory locks in their own key space: (this number, a hash of the job's name).
const JOB_LOCK_SPACE = 727_100;

/** What one instance shares with the others through a PostgreSQL server. */
export type Control = {
  /** Tells the other instances that their cached pages (all, or only signed-in ones) are stale. */
  announceInvalidation: (staleness: Staleness) => void;
  /** Runs a job unless another instance holds its lock. */
  exclusively: Exclusively;
  close: () => Promise<void>;
};

type Options = {
  log: Logger;
  /** Another instance wrote: drop this instance's cached pages (all, or only signed-in ones). */
  onInvalidation: (staleness: Staleness) => void;
  /** The connection came back after a loss: notifications may have been missed meanwhile. */
  onReconnect: () => void;
};

/**
 * One dedicated connection per instance, for LISTEN/NOTIFY and the job locks. When PostgreSQL ends
 * it (a restart, a failover, an idle-connection kill) the instance keeps serving: the connection
 * is made again with a growing pause (0.5 s doubling to 30 s), and until then jobs skip their turn.
 * Its locks die with it, so another instance may take over a job: every job is safe to repeat.
 */
export function connectControl(pool: pg.Pool, opts: Options): Control {
  const origin = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  let client: pg.PoolClient | null = null;
  let closed = false;
  let connected = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = (c: pg.PoolClient, error: unknown) => {
    if (client !== c) return;
    client = null;
    c.release(error instanceof Error ? error : new Error(String(error)));
    opts.log.warn("lost the database connection for notifications and job locks; reconnecting", {
      error: String(error),
    });
    void connect(0);
  };

  const connect = async (attempt: number): Promise<void> => {
    if (closed) return;
    let c: pg.PoolClient | undefined;
    try {
      c = await pool.connect();
      const mine = c;
      mine.on("error", (e) => lost(mine, e));
      mine.on("end", () => lost(mine, new Error("the connection ended")));
      // The payload is the sender's origin, then " signed-in" when only signed-in pages are stale.
      mine.on("notification", (msg) => {
        const [sender, staleness] = (msg.payload ?? "").split(" ");
        if (sender !== origin) opts.onInvalidation(staleness === "signed-in" ? "signed-in" : "all");
      });
      await mine.query(`listen ${CHANNEL}`);
      client = mine;
      if (connected) {
        opts.log.info("database connection for notifications is back");
        opts.onReconnect();
      }
      connected = true;
    } catch (e) {
      c?.release(true);
      const pause = Math.min(500 * 2 ** attempt, 30_000);
      if (attempt === 0 || pause === 30_000)
        opts.log.warn("database unreachable; trying again", { error: String(e) });
      await new Promise<void>((resolve) => {
        retry = setTimeout(resolve, pause);
        retry.unref();
      });
      return connect(attempt + 1);
    }
  };

  const ready = connect(0);

  const exclusively: Exclusively = async (name, fn) => {
    const c = client;
    if (!c) return false;
    const key = [JOB_LOCK_SPACE, hash31(name)];
    try {
      const { rows } = await c.query<{ ok: boolean }>("select pg_try_advisory_lock($1, $2) as ok", key);
      if (!rows[0]?.ok) return false;
    } catch {
      return false; // the connection is going away; `lost` deals with it
    }
    try {
      await fn();
      return true;
    } finally {
      if (client === c) await c.query("select pg_advisory_unlock($1, $2)", key).catch(() => {});
    }
  };

  return {
    announceInvalidation: (staleness) => {
      pool
        .query("select pg_notify($1, $2)", [CHANNEL, payload(origin, staleness)])
        .catch((e) =>
          opts.log.warn("could not tell other instances to drop cached pages", { error: String(e) }),
        );
    },
    exclusively,
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await Promise.race([ready, new Promise((r) => setTimeout(r, 1_000))]);
      const c = client;
      client = null;
      if (c) {
        await c.query(`unlisten ${CHANNEL}`).catch(() => {});
        c.release();
      }
    },
  };
}

/** Tells every instance listening on the server that its cached pages (all, or signed-in ones) are stale. */
export function announceInvalidation(pool: pg.Pool, log: Logger, staleness: Staleness = "all"): void {
  pool
    .query("select pg_notify($1, $2)", [CHANNEL, payload("command-line", staleness)])
    .catch((e) => log.warn("could not tell other instances to drop cached pages", { error: String(e) }));
}

const payload = (origin: string, staleness: Staleness) =>
  staleness === "all" ? origin : `${origin} ${staleness}`;

/** A stable 31-bit hash of a job's name (FNV-1a), so every instance locks the same key. */
function hash31(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x7fffffff;
}
