/**
 * Chart PNGs: drawn from their SVG by resvg in worker threads, since a chart takes 100 ms and more
 * of CPU, which on the main thread would stall every other request; kept by content in memory.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Deps } from "../../deps.js";
import type { PageCache } from "../../http/page-cache.js";
import { PngCache } from "./png-cache.js";
import { busy, WorkerPool } from "./worker-pool.js";

const entry = new URL("./png.worker.mjs", import.meta.url);

// One core stays with the main thread (requests, and the embedded database, which runs on it).
const WORKERS = Math.max(1, availableParallelism() - 1);
// Enough for a few dozen people asking at once; beyond that (several seconds of waiting at ~150 ms
// a chart) a quick 503 with Retry-After is kinder than a queue that keeps growing.
const MAX_QUEUED = 32;
const IDLE_MS = 60_000;

/** The workers, the rendered PNGs, the last draw begun and how many requests wait to draw. */
type Renderer = {
  pool: WorkerPool<string, Uint8Array>;
  cache: PngCache;
  drawing: Promise<unknown>;
  waiting: number;
};

// One renderer per app instance, found by its page cache (as loadForum's memo is), so that apps in
// one process (the tests) never share one and Deps need not change. Made on the first PNG asked for.
const renderers = new WeakMap<PageCache, Renderer>();

function rendererFor(deps: Pick<Deps, "cache">): Renderer {
  let renderer = renderers.get(deps.cache);
  if (!renderer) {
    const pool = new WorkerPool<string, Uint8Array>({
      spawn: () => new Worker(entry),
      size: WORKERS,
      maxQueued: MAX_QUEUED,
      idleMs: IDLE_MS,
    });
    const cache = new PngCache((svg, wanted) => pool.run(svg, wanted));
    renderer = { pool, cache, drawing: Promise.resolve(), waiting: 0 };
    renderers.set(deps.cache, renderer);
  }
  return renderer;
}

/**
 * The PNG, at twice its size, of the SVG that `draw` returns. When the workers' queue is full, or as
 * many requests already wait to draw, it refuses (503) before `draw` runs, so a flood of chart
 * requests does not cost their queries too. Once `signal` (the request's) aborts, neither its draw
 * nor a render queued for it alone runs.
 */
export async function renderPng(
  deps: Pick<Deps, "cache">,
  draw: () => string | Promise<string>,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const renderer = rendererFor(deps);
  if (renderer.pool.full() || renderer.waiting >= MAX_QUEUED) throw busy();
  renderer.waiting++;
  let svg: string;
  try {
    svg = await inTurn(renderer, () => {
      if (signal?.aborted) throw busy();
      return draw();
    });
  } finally {
    renderer.waiting--;
  }
  return renderer.cache.png(svg, deps.cache.currentVersion, signal);
}

/**
 * Runs `draw` after the draws before it, with a turn of the event loop in between. A chart's queries
 * run on the main thread (the embedded database works there) as a chain of promise callbacks: twenty
 * charts asked for at once would run back to back without letting any other request in.
 */
function inTurn(renderer: Renderer, draw: () => string | Promise<string>): Promise<string> {
  const turn = renderer.drawing.then(() => new Promise((resolve) => setImmediate(resolve))).then(draw);
  renderer.drawing = turn.catch(() => {});
  return turn;
}

/** Stops this app instance's PNG workers, if any were started (part of a graceful shutdown). */
export async function closePngRenderer(deps: Pick<Deps, "cache">): Promise<void> {
  const renderer = renderers.get(deps.cache);
  renderers.delete(deps.cache);
  await renderer?.pool.close();
}
