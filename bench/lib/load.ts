import autocannon from "autocannon";

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
  statusCodes: Record<string, number>;
};

/** Loads `url` with autocannon for `seconds` after a `warmupSeconds` warm-up with the same connections. */
export async function load(
  url: string,
  options: { seconds: number; connections: number; warmupSeconds?: number },
): Promise<LoadResult> {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "[::1]") {
    throw new Error(`refusing to load a non-loopback address: ${url}`);
  }
  const warmupSeconds = options.warmupSeconds ?? 1;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    ...(warmupSeconds > 0 ? { warmup: { connections: options.connections, duration: warmupSeconds } } : {}),
  });
  const warmup = result.warmup;
  return {
    url,
    seconds: options.seconds,
    connections: options.connections,
    requests: result.requests.total ?? 0,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    warmupFailures: warmup ? warmup.non2xx + warmup.errors + warmup.timeouts : 0,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
  };
}
