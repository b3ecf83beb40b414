import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { announceInvalidation, connectControl } from "../../src/db/control.js";
import { createLogger } from "../../src/http/logger.js";
import { withDatabase } from "../support/global-setup.js";

const server = inject("pgServer");
const log = createLogger("silent");

/** Waits until `check` holds, for up to 10 s: how long a notification takes depends on the machine's load. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

describe.skipIf(!server)("the control connection of instances sharing a PostgreSQL server", () => {
  let admin: pg.Client;
  let poolA: pg.Pool;
  let poolB: pg.Pool;
  // An empty database of the file's own: locks and notifications need no tables, and a connection
  // to the template would stop other files from copying it.
  const database = `isecg_control_${process.pid}`;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: server!.url });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    const url = withDatabase(server!.url, database);
    poolA = new pg.Pool({ connectionString: url, max: 2 });
    poolB = new pg.Pool({ connectionString: url, max: 2 });
  });
  afterAll(async () => {
    await poolA?.end();
    await poolB?.end();
    await admin?.query(`drop database if exists ${database}`);
    await admin?.end();
  });

  /** Waits until the instance's control connection is up: only then does it hear, or lock. */
  const connected = (control: ReturnType<typeof connectControl>) =>
    until(() => control.exclusively("connection check", async () => {}));

  const control = (pool: pg.Pool, heard: string[]) =>
    connectControl(pool, {
      log,
      onInvalidation: (staleness) => heard.push(staleness),
      onReconnect: () => {},
    });

  it("runs a job on one instance at a time: the other skips its turn while the lock is held", async () => {
    const a = control(poolA, []);
    const b = control(poolB, []);
    await connected(a);
    await connected(b);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let running = false;
    const first = a.exclusively("send reminders", () => {
      running = true;
      return held;
    });
    await until(() => running);
    expect(await b.exclusively("send reminders", async () => {})).toBe(false);
    expect(await b.exclusively("deliver mail", async () => {})).toBe(true);
    release();
    expect(await first).toBe(true);
    expect(await b.exclusively("send reminders", async () => {})).toBe(true);
    await a.close();
    await b.close();
  });

  it("tells the other instances, not itself, which cached pages are stale", async () => {
    const heardA: string[] = [];
    const heardB: string[] = [];
    const a = control(poolA, heardA);
    const b = control(poolB, heardB);
    await connected(a);
    await connected(b);
    a.announceInvalidation("all");
    a.announceInvalidation("signed-in");
    // PostgreSQL sends a notification to every listener at once: once B has both, A would have its own.
    await until(() => heardB.length === 2);
    // A write only members see leaves the other instances' visitor pages cached.
    expect(heardB.sort()).toEqual(["all", "signed-in"]);
    expect(heardA).toEqual([]);
    // The command line has no origin of its own to skip: every instance hears it.
    announceInvalidation(poolB, log, "signed-in");
    await until(() => heardA.length > 0);
    expect(heardA).toEqual(["signed-in"]);
    await a.close();
    await b.close();
  });
});
