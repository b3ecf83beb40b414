/**
 * Search latency: runs 200 representative queries through `searchSite`, the function behind /search
 * and /api/v1/search, against the PostgreSQL database at DATABASE_URL (fill it first with
 * `bench/search-data.ts`), one at a time, and prints p50/p95/p99 against the target p95 <= 50 ms.
 *
 *   DATABASE_URL=postgresql://… npm run bench:search
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { openDatabase } from "../src/db/client.js";
import type { Deps } from "../src/deps.js";
import { searchSite } from "../src/features/search/search.service.js";
import { visitor } from "../src/http/actor.js";
import { printTable } from "./lib/table.js";
import { random, vocabulary } from "./lib/words.js";

const TARGET_P95_MS = 50;
const QUERIES = Number(process.env.SEARCH_QUERIES ?? 200);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to a PostgreSQL database filled by bench/search-data.ts.");
  process.exit(2);
}

type Query = { kind: string; input: Record<string, string> };

/** A fixed mix of what people type: single words common and rare, pairs, phrases, filters, page 2. */
function queries(n: number): Query[] {
  const rnd = random(7);
  const at = (from: number, to: number) => vocabulary[from + Math.floor(rnd() * (to - from))]!;
  const common = () => at(150, 260); // domain words: match many documents
  const rare = () => at(400, vocabulary.length); // the long tail: match few
  const types = ["news", "publication", "faq"];
  const kinds: Array<[string, number, () => Record<string, string>]> = [
    ["one common word", 0.25, () => ({ q: common() })],
    ["one rare word", 0.2, () => ({ q: rare() })],
    ["two words", 0.2, () => ({ q: `${common()} ${common()}` })],
    ["common + rare", 0.1, () => ({ q: `${common()} ${rare()}` })],
    ['"phrase"', 0.08, () => ({ q: `"${common()} ${common()}"` })],
    ["word + type", 0.08, () => ({ q: common(), type: types[Math.floor(rnd() * 3)]! })],
    ["word + year", 0.05, () => ({ q: common(), year: String(2005 + Math.floor(rnd() * 20)) })],
    ["word, page 2", 0.04, () => ({ q: common(), page: "2" })],
  ];
  const out: Query[] = [];
  for (const [kind, share, make] of kinds)
    for (let i = 0; i < Math.round(n * share); i++) out.push({ kind, input: make() });
  return out.slice(0, n);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const database = await openDatabase({ databaseUrl: url });
  // searchSite reads only the database and the clock.
  const deps = { db: database.db, now: () => new Date() } as Deps;
  const [{ n: docs }] = (
    (await database.pool!.query(
      "select (select count(*) from news_articles) + (select count(*) from publications) + (select count(*) from faq_questions) as n",
    )) as { rows: Array<{ n: string }> }
  ).rows as [{ n: string }];
  const list = queries(QUERIES);
  for (const q of list.slice(0, 20)) await searchSite(deps, visitor, q.input); // warm-up
  const times: Array<{ kind: string; ms: number; total: number }> = [];
  for (const q of list) {
    const t0 = performance.now();
    const r = await searchSite(deps, visitor, q.input);
    times.push({ kind: q.kind, ms: performance.now() - t0, total: r.total });
  }
  await database.close();

  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const stats = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
  const kinds = [...new Set(times.map((t) => t.kind))];
  printTable(
    [
      { title: "queries" },
      { title: "n", right: true },
      { title: "avg hits", right: true },
      { title: "p50 ms", right: true },
      { title: "max ms", right: true },
    ],
    kinds.map((k) => {
      const ts = times.filter((t) => t.kind === k);
      const ms = ts.map((t) => t.ms).sort((a, b) => a - b);
      const hits = ts.reduce((s, t) => s + t.total, 0) / ts.length;
      return [k, String(ts.length), hits.toFixed(0), percentile(ms, 50).toFixed(1), ms.at(-1)!.toFixed(1)];
    }),
  );
  const met = stats.p95 <= TARGET_P95_MS;
  console.log(
    `\n${times.length} queries over ${Number(docs).toLocaleString("en")} documents: ` +
      `p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms ` +
      `(target p95 <= ${TARGET_P95_MS} ms: ${met ? "met" : "NOT met"})`,
  );
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(
    "bench/results/search-latest.json",
    `${JSON.stringify({ at: new Date().toISOString(), documents: Number(docs), ...stats, target: TARGET_P95_MS, met, times }, null, 2)}\n`,
  );
}

await main();
