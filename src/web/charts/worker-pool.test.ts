import { Worker } from "node:worker_threads";
import { Hono } from "hono";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppEnv } from "../../http/env.js";
import { handleError } from "../../http/error-pages.js";
import { AppError } from "../../http/errors.js";
import { WorkerPool } from "./worker-pool.js";

type Task = { value: number; ms?: number; crash?: boolean; fail?: boolean };

// A tiny worker: doubles the value after `ms`, answers an error, or crashes, as the task says.
const source = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", (t) => {
  if (t.crash) process.exit(3);
  if (t.fail) return parentPort.postMessage({ ok: false, error: "bad input" });
  setTimeout(() => parentPort.postMessage({ ok: true, value: t.value * 2 }), t.ms ?? 0);
});`;

const pools: WorkerPool<Task, number>[] = [];
const makePool = (options: { size?: number; maxQueued?: number; idleMs?: number } = {}) => {
  const pool = new WorkerPool<Task, number>({
    spawn: () => new Worker(source, { eval: true }),
    size: options.size ?? 1,
    maxQueued: options.maxQueued ?? 1,
    idleMs: options.idleMs ?? 60_000,
  });
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("the worker pool", () => {
  it("starts no worker before the first task, and never more than its size", async () => {
    const pool = makePool({ size: 2, maxQueued: 10 });
    expect(pool.workers).toBe(0);
    const results = Promise.all([1, 2, 3, 4].map((value) => pool.run({ value, ms: 20 })));
    expect(pool.workers).toBe(2);
    expect(await results).toEqual([2, 4, 6, 8]);
    expect(pool.workers).toBe(2);
  });

  it("refuses a task with 503 at once when every worker is busy and the queue is full", async () => {
    const pool = makePool({ size: 1, maxQueued: 1 });
    const running = pool.run({ value: 1, ms: 100 });
    const queued = pool.run({ value: 2 });
    expect(pool.full()).toBe(true);
    const refused = await pool.run({ value: 3 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(503);
    expect(await Promise.all([running, queued])).toEqual([2, 4]);
    expect(pool.full()).toBe(false);
  });

  it("a request refused by a full queue is answered 503 with Retry-After", async () => {
    const pool = makePool({ size: 1, maxQueued: 0 });
    const app = new Hono<AppEnv>();
    app.onError(handleError);
    app.get("/api/v1/double", async (c) => c.json({ value: await pool.run({ value: 5 }) }));
    const running = pool.run({ value: 1, ms: 100 });
    const res = await app.request("/api/v1/double");
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe("unavailable");
    expect(await running).toBe(2);
    expect(await (await app.request("/api/v1/double")).json()).toEqual({ value: 10 });
  });

  it("drops a queued task whose client went away, and it no longer counts against the queue", async () => {
    const pool = makePool({ size: 1, maxQueued: 1 });
    let clientWaits = true;
    const running = pool.run({ value: 1, ms: 100 });
    const abandoned = pool.run({ value: 2 }, () => clientWaits).catch((e: AppError) => e.code);
    expect(pool.full()).toBe(true);
    clientWaits = false;
    expect(pool.full()).toBe(false);
    expect(await abandoned).toBe("unavailable");
    expect(await Promise.all([running, pool.run({ value: 3 })])).toEqual([2, 6]);
  });

  it("a worker's error fails only its task", async () => {
    const pool = makePool();
    await expect(pool.run({ value: 1, fail: true })).rejects.toThrow("bad input");
    expect(await pool.run({ value: 2 })).toBe(4);
  });

  it("a worker that dies fails its task and the next task gets a new worker", async () => {
    const pool = makePool();
    await expect(pool.run({ value: 1, crash: true })).rejects.toThrow(/exit code 3/);
    expect(pool.workers).toBe(0);
    expect(await pool.run({ value: 2 })).toBe(4);
  });

  it("stops workers that have been idle for a while", async () => {
    const pool = makePool({ idleMs: 30 });
    expect(await pool.run({ value: 1 })).toBe(2);
    expect(pool.workers).toBe(1);
    await vi.waitFor(() => expect(pool.workers).toBe(0), { timeout: 5_000 });
    expect(await pool.run({ value: 2 })).toBe(4);
  });

  it("closing stops the workers and fails what is running or queued with 503", async () => {
    const pool = makePool({ maxQueued: 5 });
    const running = pool.run({ value: 1, ms: 1_000 }).catch((e: AppError) => e.status);
    const queued = pool.run({ value: 2 }).catch((e: AppError) => e.status);
    await pool.close();
    expect(pool.workers).toBe(0);
    expect(await Promise.all([running, queued])).toEqual([503, 503]);
    await expect(pool.run({ value: 3 })).rejects.toThrow(/shutting down/);
  });
});
