// How chart PNGs nobody asked for before affect everyone else: the latency of an HTML page while
// BENCH_CONNECTIONS connections ask for uncached PNGs, against the same page's latency with no load,
// in alternating rounds of one run. Run: npm run bench:render
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { type LoadResult, load, loadGenerator } from "./lib/load.js";
import { startPlatform } from "./lib/platform.js";
import { cleanUp } from "./lib/process.js";
import { median, quantile } from "./lib/stats.js";
import { printTable } from "./lib/table.js";

const seconds = positive("BENCH_SECONDS", 5);
const rounds = positive("BENCH_ROUNDS", 2);
const connections = positive("BENCH_CONNECTIONS", 20);
// The probe asks for the page at a fixed rate whether or not earlier answers came (open loop), so a
// stalled server shows as slow answers instead of as fewer questions.
const probeRate = positive("BENCH_PROBE_RATE", 20);
const page = process.env.BENCH_PAGE ?? "/about";
const port = process.env.BENCH_PORT ? positive("BENCH_PORT", 0) : undefined;
// Another checkout to measure (e.g. the code before a change), instead of this one.
const root = process.env.BENCH_ROOT;
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));
const resultsFile = `${resultsDir}render-latest.json`;

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/**
 * `count` chart addresses from the `start`th on, each a year window no other one has (30 × 30 of
 * them), so every request draws a chart the server has not drawn before in this run.
 */
function chartPaths(start: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const k = (start + i) % 900;
    return `/roadmap/chart.png?from=${1995 + (k % 30)}&to=${2030 + Math.floor(k / 30)}`;
  });
}

type Probe = { latencies: number[]; failures: number };

/** Asks for `url` `probeRate` times a second for `ms`, each on time even if earlier ones are slow. */
async function probe(url: string, ms: number): Promise<Probe> {
  const result: Probe = { latencies: [], failures: 0 };
  const pending: Promise<void>[] = [];
  const end = performance.now() + ms;
  for (let next = performance.now(); next < end; next += 1000 / probeRate) {
    await sleep(Math.max(0, next - performance.now()));
    const start = performance.now();
    const ask = fetch(url).then(
      async (res) => {
        await res.arrayBuffer();
        if (res.status === 200) result.latencies.push(performance.now() - start);
        else result.failures++;
      },
      () => {
        result.failures++;
      },
    );
    pending.push(ask);
  }
  await Promise.all(pending);
  return result;
}

/** One round: the page alone, then the page while the connections ask for uncached PNGs. */
async function round(url: string, r: number) {
  const idle = await probe(`${url}${page}`, seconds * 1000);
  const paths = chartPaths(r * 400, 400);
  const pngs = load(url, { seconds, connections, warmupSeconds: 0, paths });
  // Probe inside the load's seconds only, away from its start and end.
  await sleep(250);
  const loaded = await probe(`${url}${page}`, seconds * 1000 - 750);
  return { idle, loaded, png: await pngs };
}

const okPerSecond = (r: LoadResult) => (r.requests - r.non2xx - r.errors) / r.seconds;
const ms = (x: number) => x.toFixed(1);
const percentiles = (latencies: number[]) => ({
  p50: quantile(latencies, 0.5),
  p99: quantile(latencies, 0.99),
});

async function main(): Promise<number> {
  const generator = loadGenerator();
  if (generator === "wrk" && !Number.isInteger(seconds))
    throw new Error("with wrk, BENCH_SECONDS must be whole");
  console.log("Starting the platform (fresh data directory; the first start loads the dataset)...");
  const platform = await startPlatform({ ...(port ? { port } : {}), ...(root ? { root } : {}) });
  const cpus = availableParallelism();
  const load1 = loadavg()[0] ?? 0;
  // Warm up the page and the renderer (its first request starts the worker threads).
  for (const path of [page, "/roadmap/chart.png?from=1990&to=2060"]) {
    const res = await fetch(`${platform.url}${path}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  }
  console.log(`${rounds} rounds of ${seconds} s; ${connections} connections ask for uncached chart PNGs;`);
  console.log(`${page} is asked for ${probeRate} times a second, alone and under that load.`);
  console.log(`Load average before the run: ${load1.toFixed(1)} on ${cpus} cores.\n`);
  const results = [];
  for (let r = 0; r < rounds; r++) {
    process.stdout.write(`  round ${r + 1} of ${rounds}\n`);
    results.push(await round(platform.url, r));
  }
  // The same chart again and again: what a cached PNG costs (the SVG is still drawn to find it).
  process.stdout.write("  one chart, again and again\n");
  const repeated = await load(`${platform.url}/roadmap/chart.png?from=2000&to=2040`, {
    seconds,
    connections,
  });
  await platform.stop();

  const report = summarise(results, repeated);
  printReport(report, results, generator);
  await mkdir(resultsDir, { recursive: true });
  const file = { date: new Date().toISOString(), node: process.version, cpus, loadAverage: load1 };
  await writeFile(
    resultsFile,
    `${JSON.stringify({ ...file, generator, seconds, rounds, connections, page, probeRate, ...report }, null, 2)}\n`,
  );
  console.log(`\nResults written to ${relative(process.cwd(), resultsFile)}.`);
  const failures =
    report.htmlFailures + results.reduce((n, r) => n + r.png.errors, 0) + repeated.errors + repeated.non2xx;
  if (failures) console.error(`FAILED: ${failures} failed requests (errors, timeouts, or HTML not 200).`);
  // A load that got no PNG at all within its seconds looks like zero latency, not like a failure.
  const starved = [...results.map((r) => r.png), repeated].filter((r) => okPerSecond(r) === 0).length;
  if (starved) console.error(`FAILED: ${starved} load runs got no PNG at all.`);
  return failures || starved ? 1 : 0;
}

type Round = Awaited<ReturnType<typeof round>>;

/** The rounds' latencies pooled (for a steadier 99th percentile), PNG rates as the median round. */
function summarise(results: Round[], repeated: LoadResult) {
  const idle = percentiles(results.flatMap((r) => r.idle.latencies));
  const loaded = percentiles(results.flatMap((r) => r.loaded.latencies));
  const pngPerSecond = median(results.map((r) => okPerSecond(r.png)));
  return {
    pngPerSecond,
    busyAnswers: results.reduce((n, r) => n + r.png.non2xx, 0),
    html: { idle, loaded, p50Ratio: loaded.p50 / idle.p50, p99Ratio: loaded.p99 / idle.p99 },
    htmlFailures: results.reduce((n, r) => n + r.idle.failures + r.loaded.failures, 0),
    repeatedPngPerSecond: okPerSecond(repeated),
    repeatedRatio: okPerSecond(repeated) / pngPerSecond,
    perRound: results.map((r) => ({
      png: r.png,
      idle: percentiles(r.idle.latencies),
      loaded: percentiles(r.loaded.latencies),
    })),
  };
}

/** Prints each round, then the pooled figures as ratios to the page's latency without load. */
function printReport(report: ReturnType<typeof summarise>, results: Round[], generator: string): void {
  console.log(`\nLoad from ${generator}. Latencies in ms.\n`);
  printTable(
    [
      { title: "round" },
      { title: "PNG/s", right: true },
      { title: "503s", right: true },
      { title: "PNG p50", right: true },
      { title: "PNG p99", right: true },
      { title: `${page} p50 alone`, right: true },
      { title: "p99 alone", right: true },
      { title: "p50 loaded", right: true },
      { title: "p99 loaded", right: true },
    ],
    results.map((r, i) => {
      const idle = percentiles(r.idle.latencies);
      const loaded = percentiles(r.loaded.latencies);
      return [
        String(i + 1),
        okPerSecond(r.png).toFixed(1),
        String(r.png.non2xx),
        ms(r.png.p50Ms),
        ms(r.png.p99Ms),
        ms(idle.p50),
        ms(idle.p99),
        ms(loaded.p50),
        ms(loaded.p99),
      ];
    }),
  );
  const { html } = report;
  console.log(
    `\nUncached chart PNGs: ${report.pngPerSecond.toFixed(1)}/s (${report.busyAnswers} answered 503).`,
  );
  console.log(
    `${page} under that load: p50 ${ms(html.loaded.p50)} ms against ${ms(html.idle.p50)} ms alone ` +
      `(x${html.p50Ratio.toFixed(2)}), p99 ${ms(html.loaded.p99)} against ${ms(html.idle.p99)} ms ` +
      `(x${html.p99Ratio.toFixed(2)}).`,
  );
  console.log(
    `One chart again and again: ${report.repeatedPngPerSecond.toFixed(1)} PNG/s ` +
      `(x${report.repeatedRatio.toFixed(1)} the uncached rate).`,
  );
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
