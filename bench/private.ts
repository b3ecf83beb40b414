// Throughput and latency of the most used signed-in pages, each against a bare node:http server serving
// the same number of bytes in alternating rounds, with the server's memory and its start and restart
// times. Run: npm run bench:private (BENCH_SCALE=100 for the sizes; BENCH_DATABASE_URL for a
// PostgreSQL server, in which a database isecg_bench is created and dropped).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { startBaseline } from "./lib/baseline.js";
import { generatePrivate, type Target } from "./lib/generate-private.js";
import { type LoadResult, load, loadGenerator } from "./lib/load.js";
import { servePlatform } from "./lib/platform.js";
import { cleanUp, onCleanup } from "./lib/process.js";
import { median, quantile } from "./lib/stats.js";
import { printTable } from "./lib/table.js";

const seconds = positive("BENCH_SECONDS", 1);
const connections = positive("BENCH_CONNECTIONS", 10);
const rounds = positive("BENCH_ROUNDS", 3);
const scale = positive("BENCH_SCALE", 1);
const adminUrl = process.env.BENCH_DATABASE_URL;
const ratioTarget = 0.025;
const p95TargetMs = 50;
const rssTargetMiB = 300;
const firstStartTargetMs = 4000;
const restartTargetMs = 1000;
const restartRuns = 5;
const email = "bench.focal@example.org";
const password = "bench-private-password-1";

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** A page to load; its path may hold `{mission}`, `{meeting}` or `{product}`, filled from the database. */
const pages = [
  { name: "Home", path: "/private" },
  { name: "Missions", path: "/private/missions" },
  { name: "A mission", path: "/private/missions/{mission}/edit" },
  { name: "Actions", path: "/private/actions" },
  { name: "Products", path: "/private/products" },
  { name: "A round", path: "/private/products/{product}/rounds/1" },
  { name: "Technology gaps", path: "/private/technology/gaps" },
  { name: "Meetings", path: "/private/meetings" },
  { name: "A meeting", path: "/private/meetings/{meeting}" },
  { name: "Inbox", path: "/private/inbox" },
];

/** Creates the database `isecg_bench` on the server and returns its URL; dropped at cleanup. */
async function benchDatabase(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query("drop database if exists isecg_bench with (force)");
  await admin.query("create database isecg_bench");
  await admin.end();
  onCleanup(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("drop database if exists isecg_bench with (force)");
    await c.end();
  });
  const own = new URL(url);
  own.pathname = "/isecg_bench";
  return own.toString();
}

/** Signs in over HTTP as a browser does (the CSRF cookie and field first) and returns the Cookie header. */
async function signIn(url: string): Promise<string> {
  const form = await fetch(`${url}/sign-in`);
  const html = await form.text();
  const csrfCookie = form.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const token = html.match(/name="_csrf"\s+value="([^"]+)"/)?.[1];
  if (!token) throw new Error("no CSRF field on /sign-in");
  const res = await fetch(`${url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ _csrf: token, email, password, next: "/private" }),
  });
  await res.arrayBuffer();
  const session = res.headers.getSetCookie().find((c) => c.startsWith("isecg_session="));
  if (res.status !== 303 || !session) throw new Error(`signing in answered ${res.status} without a session`);
  return [...csrfCookie, session.split(";")[0]!].join("; ");
}

/** The server's resident memory in MiB, from /proc (Linux only; NaN elsewhere). */
async function rssMiB(pid: number | undefined): Promise<number> {
  if (!pid) return Number.NaN;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(status.match(/VmRSS:\s+(\d+) kB/)?.[1]);
  return kb / 1024;
}

/**
 * `path` with a query parameter no page reads, different for each `n`: the server cannot answer it
 * from the pages it keeps per browser, so it renders the page again (what a first visit costs).
 */
const uncached = (path: string, n: string) => `${path}${path.includes("?") ? "&" : "?"}uncached=${n}`;

/**
 * Sequential requests on one connection for about `ms` (at least 5), each rendered afresh: the
 * one-user latency of a page. Returns p95 in ms.
 */
async function oneUserP95(url: string, cookie: string, ms = 2000): Promise<number> {
  const times: number[] = [];
  const until = performance.now() + ms;
  while (performance.now() < until || times.length < 5) {
    const t = performance.now();
    const res = await fetch(uncached(url, `p95-${times.length}`), { headers: { cookie } });
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  return quantile(times, 0.95);
}

async function main(): Promise<number> {
  loadGenerator();
  const dataDir = await mkdtemp(join(tmpdir(), "isecg-bench-private-"));
  onCleanup(() => rm(dataDir, { recursive: true, force: true }));
  const databaseUrl = adminUrl ? await benchDatabase(adminUrl) : undefined;
  const env: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl } : {};
  const where = databaseUrl ? "a PostgreSQL server" : "the embedded database";
  // What `npm ci` leaves: the server's bundle and the migrated template, so a changed source is not
  // bundled inside the timed first start.
  const cli = promisify(execFile);
  await cli(process.execPath, ["bin/isecg.js", "prepare"]);
  console.log(`On ${where}, dataset at ${scale}x. First start on an empty directory...`);
  const first = await servePlatform({ dataDir, env });
  await first.stop();
  // One restart is at the mercy of whatever else the machine does in that second: the median of several.
  const restarts: number[] = [];
  let platform = await servePlatform({ dataDir, env });
  restarts.push(platform.startMs);
  while (restarts.length < restartRuns) {
    await platform.stop();
    platform = await servePlatform({ dataDir, env });
    restarts.push(platform.startMs);
  }
  const restartMs = median(restarts);
  const target: Target = databaseUrl ? { databaseUrl } : { dataDir };
  console.log(`Generating (scale ${scale})...`);
  const generated = await generatePrivate(target, scale);
  console.log(`Generated in ${(generated.ms / 1000).toFixed(1)} s: ${JSON.stringify(generated.counts)}`);
  // Restart so the server starts on the generated data, as it would in use.
  await platform.stop();
  platform = await servePlatform({ dataDir, env });
  await cli(
    process.execPath,
    [
      "bin/isecg.js",
      "user",
      "add",
      "--name",
      "Bench Focal",
      "--email",
      email,
      "--role",
      "focal_point",
    ].concat(["--org", "ESA", "--password", password]),
    { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env } },
  );
  const cookie = await signIn(platform.url);
  const slugs = await pickSlugs(target);
  const baseline = await startBaseline();
  const pid = platform.pid;
  let peak = 0;
  const sampler = setInterval(async () => {
    peak = Math.max(peak, await rssMiB(pid));
  }, 100);
  const rows = [];
  try {
    for (const p of pages) {
      const path = p.path.replace(/\{(\w+)\}/, (_, k: string) => slugs[k] ?? "");
      const url = `${platform.url}${path}`;
      const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200)
        throw new Error(`GET ${path} answered ${res.status} ${res.headers.get("location") ?? ""}`);
      const page: LoadResult[] = [];
      const fresh: LoadResult[] = [];
      const base: LoadResult[] = [];
      for (let i = 0; i < rounds; i++) {
        process.stdout.write(`  ${p.name} ${path}: round ${i + 1} of ${rounds}\n`);
        const options = { seconds, connections, warmupSeconds: i === 0 ? 1 : 0 };
        base.push(await load(`${baseline.url}/?bytes=${bytes}`, options));
        page.push(await load(url, { ...options, headers: { cookie } }));
        // Each request a new address: every one rendered, none answered from the pages kept.
        const paths = Array.from({ length: 20_000 }, (_, n) => uncached(path, `${i}-${n}`));
        fresh.push(await load(url, { ...options, warmupSeconds: 0, paths, headers: { cookie } }));
      }
      const p95 = await oneUserP95(url, cookie);
      const ratios = page.map((r, i) => r.reqPerSec / base[i]!.reqPerSec);
      const freshRatios = fresh.map((r, i) => r.reqPerSec / base[i]!.reqPerSec);
      rows.push({
        ...p,
        path,
        bytes,
        reqPerSec: page.reduce((a, r) => a + r.reqPerSec, 0) / rounds,
        baseline: base.reduce((a, r) => a + r.reqPerSec, 0) / rounds,
        ratio: median(ratios),
        renderedPerSec: fresh.reduce((a, r) => a + r.reqPerSec, 0) / rounds,
        renderedRatio: median(freshRatios),
        completed: page.every((r) => r.requests > 0),
        p50Ms: Math.max(...page.map((r) => r.p50Ms)),
        p99Ms: Math.max(...page.map((r) => r.p99Ms)),
        p95OneMs: p95,
        failures: [...page, ...fresh, ...base].reduce(
          (a, r) => a + r.non2xx + r.errors + r.warmupFailures,
          0,
        ),
      });
    }
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, await rssMiB(pid));
  await new Promise((r) => setTimeout(r, 2000));
  const steady = await rssMiB(pid);
  await baseline.stop();
  await platform.stop();

  console.log(
    `\nLoad from ${loadGenerator()}, ${rounds} rounds of ${seconds} s, ${connections} connections;`,
  );
  console.log("req/s: the same page again and again, as a browser reloads it (kept until a write or the");
  console.log("minute's end); rendered: every request a new address, so each is rendered afresh;");
  console.log(`one-user p95 of fresh renders, sequential on one connection; ${where}, ${scale}x;`);
  console.log(`load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores.\n`);
  printTable(
    [
      { title: "page" },
      { title: "bytes", right: true },
      { title: "req/s", right: true },
      { title: "p50 ms", right: true },
      { title: "p99 ms", right: true },
      { title: "baseline req/s", right: true },
      { title: "ratio", right: true },
      { title: `>= ${ratioTarget}` },
      { title: "rendered req/s", right: true },
      { title: "rendered ratio", right: true },
      { title: "1-user p95 ms", right: true },
      { title: `<= ${p95TargetMs} ms` },
    ],
    rows.map((r) => [
      `${r.name} ${r.path}`,
      String(r.bytes),
      r.reqPerSec.toFixed(0),
      // A round in which no response came back has no latencies: lengthen BENCH_SECONDS.
      r.completed ? r.p50Ms.toFixed(1) : "-",
      r.completed ? r.p99Ms.toFixed(1) : "-",
      r.baseline.toFixed(0),
      r.ratio.toFixed(3),
      r.ratio >= ratioTarget ? "met" : "NOT met",
      r.renderedPerSec.toFixed(0),
      r.renderedRatio.toFixed(3),
      r.p95OneMs.toFixed(1),
      r.p95OneMs <= p95TargetMs ? "met" : "NOT met",
    ]),
  );
  console.log();
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`Ratio target applies on the embedded database at 1x; p95 target at 100x.`);
  console.log(
    `Server RSS peak ${peak.toFixed(0)} MiB, steady ${steady.toFixed(0)} MiB, target <= ${rssTargetMiB} MiB -> ${verdict(peak <= rssTargetMiB)}`,
  );
  console.log(
    `First start on an empty directory to the first 200: ${(first.startMs / 1000).toFixed(2)} s, target <= 4 s -> ${verdict(first.startMs <= firstStartTargetMs)}`,
  );
  console.log(
    `Restart on the same directory, median of ${restartRuns}: ${(restartMs / 1000).toFixed(2)} s (${restarts.map((ms) => (ms / 1000).toFixed(2)).join(", ")}), target <= 1 s -> ${verdict(restartMs <= restartTargetMs)}`,
  );
  console.log(`Generation (scale ${scale}): ${(generated.ms / 1000).toFixed(1)} s`);
  const failed = rows.filter((r) => r.failures > 0);
  for (const f of failed) console.error(`FAILED: ${f.name} had ${f.failures} failed requests.`);
  return failed.length > 0 ? 1 : 0;
}

/** Real slugs for "a mission", "a meeting" and "a product" (with round 1). */
async function pickSlugs(target: Target): Promise<Record<string, string>> {
  const { openDatabase } = await import("../src/db/client.js");
  const { sql } = await import("drizzle-orm");
  const db = await openDatabase(
    "dataDir" in target ? { dataDir: target.dataDir, command: "bench", joinOwner: true } : target,
  );
  try {
    const one = async (q: string) => {
      const r = (await db.db.execute(sql.raw(q))) as unknown as { rows: Array<{ slug: string }> };
      const slug = r.rows[0]?.slug;
      if (!slug) throw new Error(`no row for: ${q}`);
      return slug;
    };
    return {
      // A focal point edits its own agency's missions only.
      mission: await one(
        "select m.slug from missions m join organisations o on o.id = m.lead_organisation_id where o.acronym = 'ESA' order by m.id limit 1",
      ),
      meeting: await one(
        "select slug from meetings where slug not like 'bench-%' order by starts_at desc limit 1",
      ),
      product: await one(
        "select p.slug from products p join review_rounds r on r.product_id = p.id and r.number = 1 order by p.id limit 1",
      ),
    };
  } finally {
    await db.close();
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
