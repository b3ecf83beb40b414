/**
 * Roadmap scale benchmark: an edition diff of 10,000 missions (target <= 200 ms) and the chart
 * layout plus SVG for 10,000 missions (target <= 300 ms), on generated data. Prints the figures.
 * Run with `npm run bench:roadmap`.
 */
import { destinations, missionStatuses } from "../src/db/schema/index.js";
import { type DiffMission, diffEditions } from "../src/domain/edition-diff.js";
import type { Mission } from "../src/features/roadmap/roadmap.queries.js";
import { missionChart } from "../src/features/roadmap/views/mission-chart.js";

const N = 10_000;
const ROUNDS = 7;
const precisions = ["year", "quarter", "month", "day"] as const;

function generated(n: number): Mission[] {
  return Array.from({ length: n }, (_, k) => {
    const year = 1990 + ((k * 7) % 60);
    const month = String(1 + ((k * 5) % 12)).padStart(2, "0");
    const precision = precisions[k % 4]!;
    const quarterMonth = ["01", "04", "07", "10"][k % 4]!;
    const launchOn =
      precision === "year"
        ? `${year}-01-01`
        : precision === "quarter"
          ? `${year}-${quarterMonth}-01`
          : `${year}-${month}-01`;
    return {
      id: k,
      slug: `mission-${k}`,
      name: `Generated mission ${k}`,
      leadOrganisationId: 1,
      leadOther: null,
      leadAcronym: "ESA",
      leadSlug: "esa",
      partners: [],
      objectives: [],
      otherPartners: [],
      destination: destinations[(k * 3) % destinations.length]!,
      crewed: k % 3 === 0,
      launchOn,
      launchPrecision: precision,
      endsOn: null,
      endPrecision: null,
      status: missionStatuses[k % missionStatuses.length]!,
      instruments: [],
      studiesPolarVolatiles: false,
      description: null,
      sources: [],
      uncertain: false,
      uncertaintyNote: null,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    };
  });
}

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

const missions = generated(N);
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
  ...generated(N / 50).map((m) => ({ ...m, slug: `new-${m.slug}` })),
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
