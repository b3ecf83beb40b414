import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { pathsScript, runWrk, wrkOnPath } from "./wrk.js";

/** What one load run measured (the warm-up excluded, except in `warmupFailures`). */
export type LoadResult = {
  url: string;
  seconds: number;
  connections: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  warmupFailures: number;
};

/** The program that generates the load. */
export type LoadGenerator = "wrk" | "autocannon";

let chosen: LoadGenerator | undefined;

/**
 * wrk when it is on the PATH, else autocannon; `BENCH_LOAD=wrk|autocannon` forces one. Says once which.
 * wrk is preferred: autocannon is JavaScript that parses every response header on the server's cores.
 */
export function loadGenerator(): LoadGenerator {
  if (chosen) return chosen;
  const forced = process.env.BENCH_LOAD;
  if (forced !== undefined && forced !== "wrk" && forced !== "autocannon") {
    throw new Error(`BENCH_LOAD must be "wrk" or "autocannon", not "${forced}"`);
  }
  const found = wrkOnPath();
  if (forced === "wrk" && !found) throw new Error("BENCH_LOAD=wrk but there is no wrk on the PATH");
  chosen = forced ?? (found ? "wrk" : "autocannon");
  const why = forced ? "BENCH_LOAD" : found ? "found on the PATH" : "wrk is not on the PATH";
  console.log(`Load generator: ${chosen} (${why}).`);
  return chosen;
}

/**
 * How long to load, with how many connections; `paths`, if given, are asked for in turn instead of `url`'s;
 * `headers` (a signed-in visitor's cookie) go with every request.
 */
export type LoadOptions = {
  seconds: number;
  connections: number;
  warmupSeconds?: number;
  paths?: string[];
  headers?: Record<string, string>;
};

type Resolved = LoadOptions & { warmupSeconds: number };

/** Loads `url` for `seconds` after a `warmupSeconds` warm-up (default 1, 0 for none) with the same connections. */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "[::1]") {
    throw new Error(`refusing to load a non-loopback address: ${url}`);
  }
  const o = { ...options, warmupSeconds: options.warmupSeconds ?? 1 };
  return loadGenerator() === "wrk" ? loadWithWrk(url, o) : loadWithAutocannon(url, o);
}

async function loadWithWrk(url: string, o: Resolved) {
  const dir = o.paths ? await mkdtemp(join(tmpdir(), "isecg-wrk-")) : undefined;
  const script = dir ? join(dir, "paths.lua") : undefined;
  if (script && o.paths) await writeFile(script, pathsScript(o.paths));
  try {
    const warmup =
      o.warmupSeconds > 0 ? await runWrk(url, o.warmupSeconds, o.connections, script, o.headers) : undefined;
    const run = await runWrk(url, o.seconds, o.connections, script, o.headers);
    return {
      url,
      seconds: o.seconds,
      connections: o.connections,
      ...run,
      warmupFailures: warmup ? warmup.non2xx + warmup.errors : 0,
    };
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

async function loadWithAutocannon(url: string, o: Resolved) {
  const { seconds, connections, warmupSeconds, paths, headers } = o;
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    ...(headers ? { headers } : {}),
    ...(warmupSeconds > 0 ? { warmup: { connections, duration: warmupSeconds } } : {}),
    ...(paths
      ? { requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }] }
      : {}),
  });
  const warmup = result.warmup;
  return {
    url,
    seconds,
    connections,
    requests: result.requests.total ?? 0,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    warmupFailures: warmup ? warmup.non2xx + warmup.errors + warmup.timeouts : 0,
  };
}
