/** The facts the growth computation needs about one organisation. */
export type MembershipRecord = {
  acronym: string;
  joinedOn: string; // YYYY-MM-DD
  joinedUncertain: boolean;
  leftOn: string | null;
};

/** Members at the end of one year, and who joined or left in it. */
export type GrowthYear = {
  year: number;
  total: number;
  joined: string[];
  left: string[];
  /** Acronyms among `joined` whose join year is not certain. */
  uncertain: string[];
};

/** Counts members at the end of each year from the first join up to `untilYear`. */
export function membershipGrowth(records: MembershipRecord[], untilYear: number): GrowthYear[] {
  if (records.length === 0) return [];
  const yearOf = (d: string) => Number(d.slice(0, 4));
  const firstYear = Math.min(...records.map((r) => yearOf(r.joinedOn)));
  const years: GrowthYear[] = [];
  let total = 0;
  for (let year = firstYear; year <= untilYear; year++) {
    const joinedRecords = records.filter((r) => yearOf(r.joinedOn) === year);
    const left = records.filter((r) => r.leftOn !== null && yearOf(r.leftOn) === year).map((r) => r.acronym);
    total += joinedRecords.length - left.length;
    years.push({
      year,
      total,
      joined: joinedRecords.map((r) => r.acronym).sort(),
      left: left.sort(),
      uncertain: joinedRecords
        .filter((r) => r.joinedUncertain)
        .map((r) => r.acronym)
        .sort(),
    });
  }
  return years;
}
