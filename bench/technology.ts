/**
 * Technology gaps scale benchmark, on generated data: the gap analysis for 2,000 technologies,
 * 300 agencies and 20,000 needs (target <= 500 ms) and the heat map of 200 technologies × 30
 * agencies, model and SVG (target <= 200 ms). Each is also compared with a simple baseline measured
 * in the same run: one pass over the same records doing the least work of the same shape.
 * Run with `npm run bench:technology`.
 */
import {
  analyseGaps,
  type GapCapabilityIn,
  type GapNeedIn,
  type GapTechnologyIn,
} from "../src/domain/gap-analysis.js";
import { buildHeatMap } from "../src/domain/heat-map.js";
import { heatMapSvg } from "../src/web/charts/heat-map.js";

const ROUNDS = 7;
const AS_OF = "2026-01-01";

/**
 * The median of several timed runs, in milliseconds of wall time, and the median CPU time of the
 * process over the same runs: on a shared machine the wall time includes waiting for a core.
 */
function median(run: () => void): { ms: number; cpu: number } {
  run(); // warm-up
  const runs = Array.from({ length: ROUNDS }, () => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - start, cpu: (used.user + used.system) / 1000 };
  });
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
  return { ms: mid(runs.map((r) => r.ms)), cpu: mid(runs.map((r) => r.cpu)) };
}

/** A small deterministic generator (mulberry32), so every run measures the same data. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (r: () => number, from: number, years: number) =>
  new Date(Date.UTC(from, 0, 1) + Math.floor(r() * years * 365) * 86_400_000).toISOString().slice(0, 10);

/** Technologies, agencies' capabilities (about 10 agencies per technology) and needs. */
function generate(nTech: number, nAgencies: number, nNeeds: number, agenciesPerTech: number) {
  const r = random(42);
  const technologies: GapTechnologyIn[] = Array.from({ length: nTech }, (_, k) => ({
    id: k + 1,
    code: `GEN-${String(k + 1).padStart(4, "0")}`,
    title: `Generated technology ${k + 1}`,
    area: `Area ${k % 12}`,
    areaCode: `AR${k % 12}`,
  }));
  const capabilities: GapCapabilityIn[] = [];
  for (const t of technologies) {
    const first = Math.floor(r() * nAgencies);
    for (let a = 0; a < agenciesPerTech; a++) {
      const agency = (first + a * 7) % nAgencies;
      const currentTrl = 1 + Math.floor(r() * 8);
      capabilities.push({
        technologyId: t.id,
        organisationId: agency + 1,
        acronym: `AG${agency + 1}`,
        currentTrl,
        targetTrl: Math.min(9, currentTrl + Math.floor(r() * 4)),
        targetDate: day(r, 2022, 15),
      });
    }
  }
  const needs: GapNeedIn[] = Array.from({ length: nNeeds }, (_, k) => ({
    technologyId: 1 + Math.floor(r() * nTech),
    trlNeeded: 4 + Math.floor(r() * 6),
    neededBy: day(r, 2024, 15),
    label: `Mission ${k + 1}`,
  }));
  return { technologies, capabilities, needs };
}

/** The least work of the analysis's shape: group capabilities, one best-TRL lookup per need. */
function baselineAnalysis(d: ReturnType<typeof generate>): number {
  const best = new Map<number, number>();
  for (const c of d.capabilities)
    best.set(c.technologyId, Math.max(best.get(c.technologyId) ?? 0, c.targetTrl));
  let short = 0;
  for (const n of d.needs) if ((best.get(n.technologyId) ?? 0) < n.trlNeeded) short++;
  return short;
}

/** The least work of the heat map's shape: one rectangle and one number per cell. */
function baselineHeatMap(rows: number, cols: number): number {
  const out: string[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      out.push(`<rect x="${c * 38}" y="${r * 22}" width="38" height="22"/><text>${(r + c) % 9}</text>`);
  return out.join("\n").length;
}

const big = generate(2_000, 300, 20_000, 10);
let gaps = 0;
const analysisMs = median(() => {
  gaps = analyseGaps({ ...big, asOf: AS_OF }).totals.gaps;
});
const analysisBase = median(() => baselineAnalysis(big)).ms;

const small = generate(200, 30, 2_000, 30);
const smallAnalysis = analyseGaps({ ...small, asOf: AS_OF });
let bytes = 0;
const heatMs = median(() => {
  bytes = heatMapSvg(buildHeatMap(smallAnalysis, { detail: "trl" })).length;
});
const heatBase = median(() => baselineHeatMap(200, 30)).ms;

const rows = [
  {
    what: `gap analysis, 2,000 tech × 300 agencies, 20,000 needs (${gaps} gaps)`,
    ms: analysisMs,
    base: analysisBase,
    target: 500,
  },
  {
    what: `heat map 200 × 30, model + SVG (${Math.round(bytes / 1024)} KiB)`,
    ms: heatMs,
    base: heatBase,
    target: 200,
  },
];
for (const r of rows) {
  const verdict = r.ms.ms <= r.target ? "ok" : "OVER TARGET";
  console.log(
    `${r.what.padEnd(66)} ${r.ms.ms.toFixed(1).padStart(8)} ms (CPU ${r.ms.cpu.toFixed(1)} ms)  (target <= ${r.target} ms) ${verdict}; baseline ${r.base.toFixed(1)} ms, ratio ${(r.ms.ms / r.base).toFixed(1)}×`,
  );
}
