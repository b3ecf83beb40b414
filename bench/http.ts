// Throughput of the platform's public pages against a bare node:http server serving the same
// number of bytes, measured in alternating rounds in one run. Run: npm run bench
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { startBaseline } from "./lib/baseline.js";
import { type LoadResult, load } from "./lib/load.js";
import { startPlatform } from "./lib/platform.js";
import { cleanUp } from "./lib/process.js";
import { printTable } from "./lib/table.js";

// Short rounds, many of them: the machine's speed can change within seconds, and alternating often
// lets the page and its baselines meet the same conditions.
const seconds = positive("BENCH_SECONDS", 2);
const connections = positive("BENCH_CONNECTIONS", 50);
const rounds = positive("BENCH_ROUNDS", 4);
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

/** Loads the target, a same-size baseline and one with the page's headers in turns, so noise hits all alike. */
async function measure(t: Target, platformUrl: string, baselineUrl: string, headersUrl: string) {
  const res = await fetch(`${platformUrl}${t.path}`);
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error(`GET ${t.path} answered ${res.status}`);
  const page: LoadResult[] = [];
  const base: LoadResult[] = [];
  const withHeaders: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) {
    process.stdout.write(`  ${t.name}: round ${i + 1} of ${rounds}\n`);
    base.push(await load(`${baselineUrl}/?bytes=${bytes}`, { seconds, connections }));
    page.push(await load(`${platformUrl}${t.path}`, { seconds, connections }));
    withHeaders.push(await load(`${headersUrl}/?bytes=${bytes}`, { seconds, connections }));
  }
  const reqPerSec = sum(page, (r) => r.reqPerSec) / rounds;
  const baselineReqPerSec = sum(base, (r) => r.reqPerSec) / rounds;
  const spread = Math.max(...base.map((r) => r.reqPerSec)) / Math.min(...base.map((r) => r.reqPerSec)) - 1;
  return {
    ...t,
    bytes,
    reqPerSec,
    baselineReqPerSec,
    ratio: reqPerSec / baselineReqPerSec,
    headersReqPerSec: sum(withHeaders, (r) => r.reqPerSec) / rounds,
    p50Ms: Math.max(...page.map((r) => r.p50Ms)),
    p99Ms: Math.max(...page.map((r) => r.p99Ms)),
    failures: sum([...page, ...base], (r) => r.non2xx + r.errors + r.warmupFailures),
    baselineSpread: spread,
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

  console.log();
  printTable(
    [
      { title: "target" },
      { title: "bytes", right: true },
      { title: "req/s", right: true },
      { title: "p50 ms", right: true },
      { title: "p99 ms", right: true },
      { title: "baseline req/s", right: true },
      { title: "ratio", right: true },
      { title: "same headers req/s", right: true },
      { title: "headers' ratio", right: true },
    ],
    rows.map((r) => [
      r.name,
      String(r.bytes),
      r.reqPerSec.toFixed(0),
      r.p50Ms.toFixed(0),
      r.p99Ms.toFixed(0),
      r.baselineReqPerSec.toFixed(0),
      r.ratio.toFixed(2),
      r.headersReqPerSec.toFixed(0),
      (r.headersReqPerSec / r.baselineReqPerSec).toFixed(2),
    ]),
  );
  console.log();
  for (const r of rows) {
    if (r.target === undefined) continue;
    const verdict = r.ratio >= r.target ? "met" : "NOT met";
    console.log(
      `${r.name}: ${r.ratio.toFixed(2)} of the same-size baseline, target >= ${r.target} -> ${verdict}`,
    );
  }
  const worstSpread = Math.max(...rows.map((r) => r.baselineSpread));
  const noisy = worstSpread > 0.25 || load1 > cpus;
  if (noisy) {
    console.log(
      `\nWARNING: the machine looks busy (baseline rounds differ by up to ${(worstSpread * 100).toFixed(0)}%, ` +
        `load average ${load1.toFixed(1)} on ${cpus} cores): the ratios are unreliable, run again when idle.`,
    );
  }
  await mkdir(resultsDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus,
    loadAverage: load1,
    seconds,
    rounds,
    connections,
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

try {
  process.exitCode = await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
