// HTTP throughput of the platform's public pages against a bare node:http server. Run: npm run bench
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { startBaseline } from "./lib/baseline.js";
import { type LoadResult, load } from "./lib/load.js";
import { startPlatform } from "./lib/platform.js";
import { cleanUp } from "./lib/process.js";
import { printTable } from "./lib/table.js";

const seconds = positive("BENCH_SECONDS", 5);
const connections = positive("BENCH_CONNECTIONS", 50);
const resultsFile = "bench/results/http-latest.json";

/** What to load; `target` is the least acceptable req/s as a fraction of the baseline's. */
type Target = { name: string; server: "platform" | "baseline"; path: string; target?: number };
const targets: Target[] = [
  { name: "baseline /", server: "baseline", path: "/" },
  { name: "platform /healthz", server: "platform", path: "/healthz" },
  { name: "Home /", server: "platform", path: "/", target: 0.75 },
  { name: "Members /members", server: "platform", path: "/members", target: 0.75 },
];

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

async function main(): Promise<number> {
  console.log(`Starting the platform (fresh data directory; the first start loads the dataset)...`);
  const platform = await startPlatform();
  const home = await fetch(`${platform.url}/`);
  const homeBytes = (await home.arrayBuffer()).byteLength;
  if (home.status !== 200) throw new Error(`GET / answered ${home.status}`);
  const baseline = await startBaseline(homeBytes);
  const urls = { platform: platform.url, baseline: baseline.url };
  console.log(`Home page: ${homeBytes} bytes; the baseline serves the same size.`);
  console.log(`Each target: 1 s warm-up, then ${seconds} s with ${connections} connections.\n`);

  const measured: Array<Target & LoadResult> = [];
  for (const t of targets) {
    process.stdout.write(`  loading ${t.name}...\n`);
    measured.push({ ...t, ...(await load(`${urls[t.server]}${t.path}`, { seconds, connections })) });
  }
  await baseline.stop();
  await platform.stop();

  const base = measured.find((m) => m.server === "baseline")!.reqPerSec;
  const rows = measured.map((m) => ({ ...m, ratio: base > 0 ? m.reqPerSec / base : 0 }));
  console.log();
  printTable(
    [
      { title: "target" },
      { title: "req/s", right: true },
      { title: "p50 ms", right: true },
      { title: "p99 ms", right: true },
      { title: "non-2xx", right: true },
      { title: "errors", right: true },
      { title: "vs baseline", right: true },
    ],
    rows.map((r) => [
      r.name,
      r.reqPerSec.toFixed(0),
      r.p50Ms.toFixed(0),
      r.p99Ms.toFixed(0),
      String(r.non2xx),
      String(r.errors),
      r.ratio.toFixed(2),
    ]),
  );
  console.log();
  for (const r of rows) {
    if (r.target === undefined) continue;
    const verdict = r.ratio >= r.target ? "met" : "NOT met";
    console.log(`${r.name}: ${r.ratio.toFixed(2)} of baseline, target >= ${r.target} -> ${verdict}`);
  }

  const failures = rows.filter((r) => r.non2xx > 0 || r.errors > 0 || r.warmupFailures > 0);
  await mkdir("bench/results", { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    seconds,
    connections,
    homeBytes,
    results: rows.map(({ server: _server, path: _path, ...r }) => ({
      ...r,
      met: r.target === undefined ? undefined : r.ratio >= r.target,
    })),
  };
  await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${resultsFile}.`);
  for (const f of failures) {
    console.error(
      `FAILED: ${f.name} had ${f.non2xx} non-2xx and ${f.errors} errored requests ` +
        `(${f.warmupFailures} failures during warm-up); status codes: ${JSON.stringify(f.statusCodes)}`,
    );
  }
  return failures.length > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
