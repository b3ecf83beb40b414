/** A table column: its title and whether its cells are right-aligned (numbers). */
export type Column = { title: string; right?: boolean };

/** Prints rows as an aligned plain-text table. */
export function printTable(columns: Column[], rows: string[][]): void {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (columns[i]?.right ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(line(columns.map((c) => c.title)));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}
