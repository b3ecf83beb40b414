/** Dates known to a year, a quarter, a month or a day, stored as the first day of that period. */
export type Precision = "year" | "quarter" | "month" | "day";

const patterns: Record<Precision, RegExp> = {
  year: /^(\d{4})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(\d{2})$/,
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
};

/** How each precision is written: "2027", "2027-Q3", "2027-05", "2027-05-14". */
export const precisionFormats: Record<Precision, string> = {
  year: "YYYY",
  quarter: "YYYY-Qn",
  month: "YYYY-MM",
  day: "YYYY-MM-DD",
};

const isRealDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

/**
 * Reads a date written at its precision ("2027-Q3" for a quarter) into the ISO first day of the
 * period, or null when the text does not match the precision or names no real date.
 */
export function parseAtPrecision(text: string, precision: Precision): string | null {
  const m = patterns[precision].exec(text.trim());
  if (!m) return null;
  const year = m[1]!;
  let iso: string;
  if (precision === "year") iso = `${year}-01-01`;
  else if (precision === "quarter") iso = `${year}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, "0")}-01`;
  else if (precision === "month") iso = `${year}-${m[2]}-01`;
  else iso = `${year}-${m[2]}-${m[3]}`;
  return isRealDay(iso) ? iso : null;
}

/** The stored first day written back at its precision: ("2027-07-01", "quarter") → "2027-Q3". */
export function formatAtPrecision(iso: string, precision: Precision): string {
  const year = iso.slice(0, 4);
  const month = Number(iso.slice(5, 7));
  if (precision === "year") return year;
  if (precision === "quarter") return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  if (precision === "month") return iso.slice(0, 7);
  return iso.slice(0, 10);
}

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** For people: "2027", "Q3 2027", "May 2027", "14 May 2027". */
export function describeAtPrecision(iso: string, precision: Precision): string {
  const year = iso.slice(0, 4);
  const month = Number(iso.slice(5, 7));
  if (precision === "year") return year;
  if (precision === "quarter") return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
  if (precision === "month") return `${monthNames[month - 1]} ${year}`;
  return `${Number(iso.slice(8, 10))} ${monthNames[month - 1]} ${year}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A day as a fractional year: 2020-07-01 → about 2020.497. */
export function yearFraction(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  const day = Date.UTC(y, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return y + (day - start) / 86_400_000 / (isLeap(y) ? 366 : 365);
}

/** The span a dated value covers, in fractional years: a whole year, quarter, month or day. */
export function periodOf(iso: string, precision: Precision): { start: number; end: number } {
  const start = yearFraction(iso);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const next = (months: number) => {
    const total = m - 1 + months;
    const ny = y + Math.floor(total / 12);
    const nm = (total % 12) + 1;
    return yearFraction(`${ny}-${String(nm).padStart(2, "0")}-01`);
  };
  if (precision === "year") return { start, end: y + 1 };
  if (precision === "quarter") return { start, end: next(3) };
  if (precision === "month") return { start, end: next(1) };
  return { start, end: start + 1 / (isLeap(y) ? 366 : 365) };
}
