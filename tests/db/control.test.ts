import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { announceInvalidation, connectControl } from "../../src/db/control.js";
import { createLogger } from "../../src/http/logger.js";
import { withDatabase } from "../support/global-setup.js";

const server = inject("pgServer");
const log = createLogger("silent");

describe.skipIf(!server)("the control connection of instances sharing a PostgreSQL server", () => {
  let poolA: pg.Pool;
  let poolB: pg.Pool;
  beforeAll(() => {
    const url = withDatabase(server!.url, server!.template);
    poolA = new pg.Pool({ connectionString: url, max: 2 });
    poolB = new pg.Pool({ connectionString: url, max: 2 });
  });
  afterAll(async () => {
    await poolA.end();
    await poolB.end();
  });

  const control = (pool: pg.Pool, heard: string[]) =>
    connectControl(pool, {
      log,
      onInvalidation: (staleness) => heard.push(staleness),
      onReconnect: () => {},
    });

  it("runs a job on one instance at a time: the other skips its turn while the lock is held", async () => {
    const a = control(poolA, []);
    const b = control(poolB, []);
    await new Promise((r) => setTimeout(r, 300));
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = a.exclusively("send reminders", () => held);
    await new Promise((r) => setTimeout(r, 100));
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
    await new Promise((r) => setTimeout(r, 300));
    a.announceInvalidation("all");
    a.announceInvalidation("signed-in");
    await new Promise((r) => setTimeout(r, 300));
    // A write only members see leaves the other instances' visitor pages cached.
    expect(heardB.sort()).toEqual(["all", "signed-in"]);
    expect(heardA).toEqual([]);
    // The command line has no origin of its own to skip: every instance hears it.
    announceInvalidation(poolB, log, "signed-in");
    await new Promise((r) => setTimeout(r, 300));
    expect(heardA).toEqual(["signed-in"]);
    await a.close();
    await b.close();
  });
});
