import { writeXlsx, type XlsxColumn } from "../../../web/xlsx.js";
import { categoryLabels, dispositionLabels } from "../products.schemas.js";

/** One line of the comment resolution matrix. */
export type MatrixRow = {
  number: number;
  agency: string;
  section: string;
  orphaned: boolean;
  category: "editorial" | "technical" | "major";
  text: string;
  proposedFrom: string | null;
  proposedTo: string | null;
  disposition: "accepted" | "accepted_with_changes" | "rejected" | "noted" | null;
  rationale: string | null;
};

/** The columns reviewers expect, with widths (in characters) for the spreadsheet. */
export const matrixColumns: XlsxColumn[] = [
  { header: "No.", width: 6 },
  { header: "Agency", width: 10 },
  { header: "Section", width: 28 },
  { header: "Category", width: 12 },
  { header: "Comment", width: 60 },
  { header: "Proposed change: from", width: 40 },
  { header: "Proposed change: to", width: 40 },
  { header: "Disposition", width: 22 },
  { header: "Rationale", width: 50 },
];

/** One matrix line as cells, in column order. */
export function matrixCells(row: MatrixRow): [number, ...string[]] {
  return [
    row.number,
    row.agency,
    row.orphaned ? `${row.section} (section no longer in the text)` : row.section,
    categoryLabels[row.category],
    row.text,
    row.proposedFrom ?? "",
    row.proposedTo ?? "",
    row.disposition ? dispositionLabels[row.disposition] : "Open",
    row.rationale ?? "",
  ];
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Text a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe, which spreadsheet
 * programs show as text.
 */
export function matrixCsvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The matrix as CSV: UTF-8 with a byte order mark (so spreadsheet programs read accents), CRLF. */
export function matrixCsv(rows: MatrixRow[]): string {
  const lines = [matrixColumns.map((c) => c.header), ...rows.map(matrixCells)];
  return `\uFEFF${lines.map((cells) => cells.map(matrixCsvCell).join(",")).join("\r\n")}\r\n`;
}

/** The matrix as a spreadsheet (.xlsx), one sheet with a frozen, filterable header row. */
export function matrixXlsx(rows: MatrixRow[]): Uint8Array {
  return writeXlsx([{ name: "Comment resolution", columns: matrixColumns, rows: rows.map(matrixCells) }]);
}

/** The file name for a round's matrix: "white-paper-round-2-comment-resolution.xlsx". */
export const matrixFileName = (slug: string, round: number, ext: "csv" | "xlsx") =>
  `${slug}-round-${round}-comment-resolution.${ext}`;
