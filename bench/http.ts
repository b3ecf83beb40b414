// Throughput of the platform's public pages against a bare node:http server serving the same
// number of bytes, measured in alternating rounds in one run. Run: npm run bench
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { startBaseline } from "./lib/baseline.js";
import { type LoadResult, load, loadGenerator } from "./lib/load.js";
import { startPlatform } from "./lib/platform.js";
import { cleanUp } from "./lib/process.js";
import { median, quantile } from "./lib/stats.js";
import { printTable } from "./lib/table.js";

// Many short rounds: the machine's speed can change within seconds, and alternating often lets the page
// and its baselines meet the same conditions. wrk runs for whole seconds, so 1 s is the shortest.
const seconds = positive("BENCH_SECONDS", 1);
const connections = positive("BENCH_CONNECTIONS", 50);
const rounds = positive("BENCH_ROUNDS", 8);
// Warn when the middle half of a page's baseline rounds typically spans more than this fraction of
// their median (1 s rounds on this kind of machine often differ by 10-20% even when it is idle).
const busySpread = 0.25;
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));
const resultsFile = `${resultsDir}http-latest.json`;

/** A page to load; `target` is the least acceptable req/s as a fraction of the same-size baseline's. */
type Target = { name: string; path: string; target?: number };
const targets: Target[] = [
  { name: "/healthz", path: "/healthz" },
  { name: "Home /", path: "/", target: 0.75 },
  { name: "Members /members", path: "/members", target: 0.75 },
  { name: "News /news", path: "/news", target: 0.75 },
  {
    name: "Article /news/{slug}",
    path: "/news/songdo-meeting-backs-a-new-global-exploration-roadmap",
    target: 0.75,
  },
  { name: "Search /search?q=", path: "/search?q=global+exploration+roadmap", target: 0.75 },
];

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

const sum = (xs: LoadResult[], f: (r: LoadResult) => number) => xs.reduce((a, r) => a + f(r), 0);
const mean = (xs: LoadResult[]) => sum(xs, (r) => r.reqPerSec) / xs.length;

/** Median and quartiles of `xs[i] / ys[i]`: rounds are paired, each with its neighbour in time. */
function pairedRatio(xs: LoadResult[], ys: LoadResult[]) {
  const ratios = xs.map((x, i) => x.reqPerSec / ys[i]!.reqPerSec);
  return { median: median(ratios), q1: quantile(ratios, 0.25), q3: quantile(ratios, 0.75), ratios };
}

/**
 * Loads, in each round, the baseline with the page's headers, the same-size baseline, then the page:
 * both are compared with the same-size baseline round between them, which met the same conditions.
 */
async function measure(t: Target, platformUrl: string, baselineUrl: string, headersUrl: string) {
  const res = await fetch(`${platformUrl}${t.path}`);
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error(`GET ${t.path} answered ${res.status}`);
  const page: LoadResult[] = [];
  const base: LoadResult[] = [];
  const withHeaders: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) {
    process.stdout.write(`  ${t.name}: round ${i + 1} of ${rounds}\n`);
    // Each server warms up (JIT, connections) in the first round; later rounds find it warm.
    const options = { seconds, connections, warmupSeconds: i === 0 ? 1 : 0 };
    withHeaders.push(await load(`${headersUrl}/?bytes=${bytes}`, options));
    base.push(await load(`${baselineUrl}/?bytes=${bytes}`, options));
    page.push(await load(`${platformUrl}${t.path}`, options));
  }
  const baseRates = base.map((r) => r.reqPerSec);
  return {
    ...t,
    bytes,
    reqPerSec: mean(page),
    baselineReqPerSec: mean(base),
    headersReqPerSec: mean(withHeaders),
    ratio: pairedRatio(page, base),
    headersRatio: pairedRatio(withHeaders, base),
    p50Ms: Math.max(...page.map((r) => r.p50Ms)),
    p99Ms: Math.max(...page.map((r) => r.p99Ms)),
    failures: sum([...page, ...base, ...withHeaders], (r) => r.non2xx + r.errors + r.warmupFailures),
    // How much the machine's speed moved: the middle half of the baseline's rounds, against their median.
    baselineSpread: (quantile(baseRates, 0.75) - quantile(baseRates, 0.25)) / median(baseRates),
  };
}

/** The headers of a cached Home page, but those Node sets itself (date, length, connection). */
async function cachedPageHeaders(url: string): Promise<Record<string, string>> {
  await fetch(`${url}/`).then((r) => r.arrayBuffer());
  const res = await fetch(`${url}/`);
  await res.arrayBuffer();
  const own = new Set(["date", "content-length", "connection", "keep-alive", "transfer-encoding"]);
  return Object.fromEntries([...res.headers].filter(([name]) => !own.has(name)));
}

async function main(): Promise<number> {
  const generator = loadGenerator();
  if (generator === "wrk" && !Number.isInteger(seconds))
    throw new Error("with wrk, BENCH_SECONDS must be whole");
  console.log("Starting the platform (fresh data directory; the first start loads the dataset)...");
  const platform = await startPlatform();
  const baseline = await startBaseline();
  const withHeaders = await startBaseline(await cachedPageHeaders(platform.url));
  const cpus = availableParallelism();
  const load1 = loadavg()[0] ?? 0;
  console.log(`${rounds} rounds of ${seconds} s per page and per baseline, ${connections} connections.`);
  console.log(`Load average before the run: ${load1.toFixed(1)} on ${cpus} cores.\n`);
  const rows = [];
  for (const t of targets) rows.push(await measure(t, platform.url, baseline.url, withHeaders.url));
  await withHeaders.stop();
  await baseline.stop();
  await platform.stop();

  printResults(rows, generator);
  // The pages' typical spread, not the worst: one page's noisy seconds do not make the whole run busy.
  const spread = median(rows.map((r) => r.baselineSpread));
  const noisy = warnIfBusy(spread, load1, cpus);
  await mkdir(resultsDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus,
    loadAverage: load1,
    loadGenerator: generator,
    seconds,
    rounds,
    connections,
    baselineSpread: spread,
    noisy,
    results: rows,
  };
  await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${relative(process.cwd(), resultsFile)}.`);
  const failed = rows.filter((r) => r.failures > 0);
  for (const f of failed)
    console.error(`FAILED: ${f.name} had ${f.failures} failed requests (non-2xx, errors or timeouts).`);
  return failed.length > 0 ? 1 : 0;
}

/** Says, and returns, whether the machine looked too busy for the ratios to be trusted. */
function warnIfBusy(spread: number, load1: number, cpus: number): boolean {
  const busy = spread > busySpread || load1 > cpus;
  if (busy) {
    console.log(
      `\nWARNING: the machine looks busy (the middle half of a page's baseline rounds typically spans ` +
        `${(spread * 100).toFixed(0)}% of their median, load average ${load1.toFixed(1)} on ${cpus} ` +
        "cores): the ratios are unreliable, run again when idle.",
    );
  }
  return busy;
}

type Row = Awaited<ReturnType<typeof measure>>;
const range = (r: Row["ratio"]) => `${r.q1.toFixed(2)}-${r.q3.toFixed(2)}`;

/** Prints the table and each target's verdict. */
function printResults(rows: Row[], generator: string): void {
  console.log(
    `\nLoad from ${generator}; each ratio is the median of the rounds' ratios (their middle half beside).\n`,
  );
  printTable(
    [
      { title: "target" },
      { title: "bytes", right: true },
      { title: "req/s", right: true },
      { title: "p50 ms", right: true },
      { title: "p99 ms", right: true },
      { title: "baseline req/s", right: true },
      { title: "ratio", right: true },
      { title: "middle half", right: true },
      { title: "same headers req/s", right: true },
      { title: "headers' ratio", right: true },
    ],
    rows.map((r) => [
      r.name,
      String(r.bytes),
      r.reqPerSec.toFixed(0),
      r.p50Ms.toFixed(1),
      r.p99Ms.toFixed(1),
      r.baselineReqPerSec.toFixed(0),
      r.ratio.median.toFixed(2),
      range(r.ratio),
      r.headersReqPerSec.toFixed(0),
      r.headersRatio.median.toFixed(2),
    ]),
  );
  console.log();
  for (const r of rows) {
    if (r.target === undefined) continue;
    const verdict = r.ratio.median >= r.target ? "met" : "NOT met";
    console.log(
      `${r.name}: ${r.ratio.median.toFixed(2)} of the same-size baseline, target >= ${r.target} -> ${verdict}`,
    );
  }
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
