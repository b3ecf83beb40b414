import { COUNT_CAP, type Match, type MatchSample } from "./search.queries.js";
import { perTypeZero, type SearchType, searchTypes } from "./search.schemas.js";

type PerType<T> = Record<SearchType | "all", T>;

/** The counts the results page and the API show; `capped` marks lower bounds ("1,000+"). */
export type Counts = {
  total: number;
  capped: boolean;
  byType: PerType<number>;
  byTypeCapped: PerType<boolean>;
  anyYear: number;
  anyYearCapped: boolean;
  byYear: Array<{ year: number; n: number; capped: boolean }>;
};

const zero = perTypeZero;

/** Matches per type in a sample, at most COUNT_CAP each, and which types went past the cap. */
function typeTotals(sample: MatchSample) {
  const n = zero();
  for (const m of sample.matches) n[m.type] += 1;
  return {
    n: (t: SearchType) => Math.min(n[t], COUNT_CAP),
    capped: (t: SearchType) => n[t] > COUNT_CAP || sample.capped.includes(t),
  };
}

/**
 * The filter links' counts from an unfiltered sample of matches. Each type counts up to COUNT_CAP;
 * past it the count is a lower bound, and so are the years of that type (counted in the sample).
 */
export function countMatches(
  sample: MatchSample,
  type?: SearchType,
  year?: number,
): Counts & { totals: Pick<Counts, "total" | "capped"> } {
  const totals = typeTotals(sample);
  const inYear = zero();
  const years = new Map<number, number>();
  for (const m of sample.matches) {
    if (m.year === year) inYear[m.type] += 1;
    if (m.year !== null && (type === undefined || m.type === type))
      years.set(m.year, (years.get(m.year) ?? 0) + 1);
  }
  const byType: PerType<number> = { all: 0, ...zero() };
  const byTypeCapped = Object.fromEntries(["all", ...searchTypes].map((t) => [t, false])) as PerType<boolean>;
  for (const t of searchTypes) {
    byType[t] = year === undefined ? totals.n(t) : Math.min(inYear[t], COUNT_CAP);
    byTypeCapped[t] = totals.capped(t);
    byType.all += byType[t];
    byTypeCapped.all ||= byTypeCapped[t];
  }
  const chosen: readonly SearchType[] = type ? [type] : searchTypes;
  const yearsCapped = chosen.some(totals.capped);
  const byYear = [...years]
    .map(([y, n]) => ({ year: y, n: Math.min(n, COUNT_CAP), capped: yearsCapped }))
    .sort((a, b) => b.year - a.year);
  const key = type ?? "all";
  // For a sample taken with the filters applied: how many match them.
  const filtered = {
    total: chosen.reduce((sum, t) => sum + totals.n(t), 0),
    capped: yearsCapped,
  };
  return {
    byType,
    byTypeCapped,
    anyYear: filtered.total,
    anyYearCapped: yearsCapped,
    byYear,
    total: byType[key],
    capped: byTypeCapped[key],
    totals: filtered,
  };
}

/** The matches of a sample within the type and year filters. */
export function withinFilters(sample: MatchSample, type?: SearchType, year?: number): MatchSample {
  const matches = sample.matches.filter(
    (m) => (type === undefined || m.type === type) && (year === undefined || m.year === year),
  );
  return { matches, capped: sample.capped };
}

/**
 * Per type, the `n` newest matches of the sample (undated last), to be ranked with the title
 * matches. When a type has fewer matches than the cap the sample holds them all, so these are the
 * newest of all; past the cap, the newest of the first COUNT_CAP found.
 */
export function candidatesOf(sample: Match[], n: number): Record<SearchType, number[]> {
  const out = Object.fromEntries(searchTypes.map((t) => [t, [] as number[]])) as Record<SearchType, number[]>;
  const sorted = [...sample].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.id - b.id);
  for (const m of sorted) if (out[m.type].length < n) out[m.type].push(m.id);
  return out;
}
