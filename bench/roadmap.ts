/**
 * Roadmap scale benchmark: an edition diff of 10,000 missions (target <= 200 ms) and the chart
 * layout plus SVG for 10,000 missions (target <= 300 ms), on generated data. Prints the figures.
 * Run with `npm run bench:roadmap`.
 */
import { type DiffMission, diffEditions } from "../src/domain/edition-diff.js";
import { missionChart } from "../src/features/roadmap/views/mission-chart.js";
import { generatedMissions } from "../tests/support/missions.js";

const N = 10_000;
const ROUNDS = 7;

/** The median of several timed runs, in milliseconds. */
function median(run: () => void): number {
  run(); // warm-up
  const times = Array.from({ length: ROUNDS }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return times[Math.floor(ROUNDS / 2)]!;
}

const missions = generatedMissions(N, { firstYear: 1990, years: 60 });
const before: DiffMission[] = missions;
// The newer set: 10% slipped, 5% changed status, 2% removed, 2% added.
const after: DiffMission[] = [
  ...missions
    .filter((_, k) => k % 50 !== 0)
    .map((m, k) =>
      k % 10 === 0
        ? { ...m, launchOn: `${Number(m.launchOn!.slice(0, 4)) + 1}${m.launchOn!.slice(4)}` }
        : k % 20 === 1
          ? { ...m, status: "cancelled" }
          : m,
    ),
  ...generatedMissions(N / 50, { firstYear: 1990, years: 60 }).map((m) => ({ ...m, slug: `new-${m.slug}` })),
];

let changes = 0;
const diffMs = median(() => {
  const d = diffEditions(before, after);
  changes = d.added.length + d.removed.length + d.slipped.length + d.statusChanged.length;
});
let bytes = 0;
const chartMs = median(() => {
  bytes = missionChart(missions).svg.length;
});

const rows = [
  { what: `edition diff, ${N} missions (${changes} changes)`, ms: diffMs, target: 200 },
  { what: `chart layout + SVG, ${N} missions (${Math.round(bytes / 1024)} KiB)`, ms: chartMs, target: 300 },
];
for (const r of rows) {
  const verdict = r.ms <= r.target ? "ok" : "OVER TARGET";
  console.log(
    `${r.what.padEnd(52)} ${r.ms.toFixed(1).padStart(8)} ms  (target <= ${r.target} ms) ${verdict}`,
  );
}
