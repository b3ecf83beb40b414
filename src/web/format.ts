const months = [
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

/** "2007", "November 2007" or "5 October 2015", as precise as the record is. */
export function formatPartialDate(iso: string, precision: "year" | "month" | "day"): string {
  const [y, m, d] = iso.split("-");
  if (precision === "year") return y!;
  const month = months[Number(m) - 1];
  return precision === "month" ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** A timestamp for tables: "2026-11-21 14:05 UTC". */
export function formatTimestamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A partial date back into the form's YYYY[-MM[-DD]] text. */
export function partialDateInput(iso: string, precision: "year" | "month" | "day"): string {
  return precision === "year" ? iso.slice(0, 4) : precision === "month" ? iso.slice(0, 7) : iso;
}
