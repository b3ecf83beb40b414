/**
 * Compares two sets of missions (two frozen editions, or an edition and the current plans):
 * added, removed, slipped or moved earlier (by how much, at the precision the dates allow),
 * status changed and destination changed. Pure; linear in the number of missions.
 */
export type DiffPrecision = "year" | "quarter" | "month" | "day";

/** What the diff needs to know about one mission. */
export type DiffMission = {
  slug: string;
  name: string;
  status: string;
  destination: string;
  launchOn: string | null;
  launchPrecision: DiffPrecision | null;
};

/** A launch that moved: `amount` is in `unit`, positive when later. */
export type Slip = {
  amount: number;
  unit: DiffPrecision;
  direction: "later" | "earlier";
  /** "about 1 year", "2 quarters", "3 months", "10 days". */
  text: string;
};

export type Change<T> = { slug: string; name: string; before: T; after: T };

export type EditionDiff = {
  added: DiffMission[];
  removed: DiffMission[];
  slipped: Array<Change<{ launchOn: string; launchPrecision: DiffPrecision }> & { slip: Slip }>;
  /** A launch date announced where there was none, or withdrawn. */
  dateAnnounced: DiffMission[];
  dateWithdrawn: DiffMission[];
  statusChanged: Array<Change<string>>;
  destinationChanged: Array<Change<string>>;
  unchanged: number;
};

const rank: Record<DiffPrecision, number> = { year: 0, quarter: 1, month: 2, day: 3 };

/** The coarser of two precisions: a move can only be told at the precision both dates have. */
export const coarser = (a: DiffPrecision, b: DiffPrecision): DiffPrecision => (rank[a] <= rank[b] ? a : b);

/** A date's index at a precision: years, quarters, months or days since year 0 / the epoch. */
export function periodIndex(iso: string, unit: DiffPrecision): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  if (unit === "year") return y;
  if (unit === "quarter") return y * 4 + Math.floor((m - 1) / 3);
  if (unit === "month") return y * 12 + (m - 1);
  return Math.round(Date.UTC(y, m - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** How far a launch moved, told at the coarser precision; null when it did not move at that precision. */
export function slipBetween(
  before: { launchOn: string; launchPrecision: DiffPrecision },
  after: { launchOn: string; launchPrecision: DiffPrecision },
): Slip | null {
  const unit = coarser(before.launchPrecision, after.launchPrecision);
  const amount = periodIndex(after.launchOn, unit) - periodIndex(before.launchOn, unit);
  if (amount === 0) return null;
  const n = Math.abs(amount);
  // A year-precision date covers twelve months, so a move counted in years is only approximate.
  const text =
    unit === "year"
      ? `about ${plural(n, "year")}`
      : unit === "day" && n >= 60
        ? `about ${plural(Math.round(n / 30.44), "month")} (${n} days)`
        : plural(n, unit);
  return { amount, unit, direction: amount > 0 ? "later" : "earlier", text };
}

/** The differences between `from` (the older set) and `to` (the newer one), matched by slug. */
export function diffEditions(from: DiffMission[], to: DiffMission[]): EditionDiff {
  const before = new Map(from.map((m) => [m.slug, m]));
  const seen = new Set<string>();
  const diff: EditionDiff = {
    added: [],
    removed: [],
    slipped: [],
    dateAnnounced: [],
    dateWithdrawn: [],
    statusChanged: [],
    destinationChanged: [],
    unchanged: 0,
  };
  for (const m of to) {
    const old = before.get(m.slug);
    if (!old) {
      diff.added.push(m);
      continue;
    }
    seen.add(m.slug);
    if (!compareOne(old, m, diff)) diff.unchanged++;
  }
  for (const m of from) if (!seen.has(m.slug)) diff.removed.push(m);
  return diff;
}

/** Records what changed between two versions of one mission; true when anything did. */
function compareOne(old: DiffMission, m: DiffMission, diff: EditionDiff): boolean {
  let changed = false;
  const named = { slug: m.slug, name: m.name };
  if (old.status !== m.status) {
    diff.statusChanged.push({ ...named, before: old.status, after: m.status });
    changed = true;
  }
  if (old.destination !== m.destination) {
    diff.destinationChanged.push({ ...named, before: old.destination, after: m.destination });
    changed = true;
  }
  const a = dated(old);
  const b = dated(m);
  if (a && b) {
    const slip = slipBetween(a, b);
    if (slip) {
      diff.slipped.push({ ...named, before: a, after: b, slip });
      changed = true;
    }
  } else if (b) {
    diff.dateAnnounced.push(m);
    changed = true;
  } else if (a) {
    diff.dateWithdrawn.push(m);
    changed = true;
  }
  return changed;
}

const dated = (m: DiffMission) =>
  m.launchOn && m.launchPrecision ? { launchOn: m.launchOn, launchPrecision: m.launchPrecision } : null;

/** True when the diff found no difference at all. */
export const isEmptyDiff = (d: EditionDiff) =>
  d.added.length +
    d.removed.length +
    d.slipped.length +
    d.dateAnnounced.length +
    d.dateWithdrawn.length +
    d.statusChanged.length +
    d.destinationChanged.length ===
  0;
