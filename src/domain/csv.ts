/**
 * RFC 4180 CSV, read and written without a library. Pure.
 *
 * Reading accepts CRLF, LF or CR line ends, a UTF-8 byte order mark, quoted fields with commas,
 * doubled quotes and line breaks inside, and skips blank lines (a trailing newline or several).
 * Writing uses CRLF and quotes only the cells that need it. A cell that a spreadsheet would run as
 * a formula (starting with =, +, @, tab or CR) is written with a leading apostrophe; reading
 * removes exactly one such apostrophe again, so what `toCsv` writes `parseCsv` reads back unchanged.
 */
import type { ImportError } from "./import-report.js";

/** One record: the physical line it starts on (1-based) and its cells by header name. */
export type CsvRow = { line: number; values: Record<string, string> };

/** A parsed document: the header names, the records, and records that could not be read. */
export type ParsedCsv = { header: string[]; rows: CsvRow[]; errors: ImportError[] };

type RawRecord = { line: number; cells: string[]; quoted: boolean };

const FORMULA_START = /^'*[=+@\t\r]/;
const DEFUSED = /^'+[=+@\t\r]/;

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Splits text into raw records of cells, tracking the line each record starts on. */
function readRecords(text: string): { records: RawRecord[]; unterminatedAt: number | null } {
  const records: RawRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells, quoted });
    cells = [];
    cell = "";
    quoted = false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && cell === "") {
      // Quoted field: runs to the next quote that is not doubled.
      quoted = true;
      let j = i + 1;
      let value = "";
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return { records, unterminatedAt: recordLine };
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += text.slice(j, q);
        i = q + 1;
        break;
      }
      line += countLineBreaks(value);
      cell = value;
      // Text after the closing quote up to the separator is kept, as spreadsheets do.
      const next = nextSpecial(text, i);
      cell += text.slice(i, next);
      i = next;
      continue;
    }
    if (c === COMMA) {
      cells.push(cell);
      cell = "";
      i++;
    } else if (c === LF || c === CR) {
      endRecord();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      const next = nextSpecial(text, i);
      cell += text.slice(i, next);
      i = next;
    }
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return { records, unterminatedAt: null };
}

/** The position of the next comma or line end at or after `from` (the text's length if none). */
function nextSpecial(text: string, from: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR) return i;
    i++;
  }
  return i;
}

function countLineBreaks(s: string): number {
  if (s.indexOf("\n") === -1 && s.indexOf("\r") === -1) return 0;
  const m = s.match(/\r\n|\r|\n/g);
  return m ? m.length : 0;
}

const isBlank = (r: RawRecord) => !r.quoted && r.cells.length === 1 && r.cells[0] === "";

/** A parsed document as cells in header order: what `parseCsv` builds its records from. */
export type CsvTable = {
  header: string[];
  records: Array<{ line: number; cells: string[] }>;
  errors: ImportError[];
};

/**
 * Reads a CSV document whose first record is the header (see the module comment for the rules)
 * into cells in header order; records with the wrong number of fields are errors, not records.
 */
export function parseCsvTable(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { records, unterminatedAt } = readRecords(body);
  const errors: ImportError[] = [];
  // Records are checked and their cells restored in place: a 100,000-row import makes copies count.
  let k = 0;
  while (k < records.length && isBlank(records[k]!)) k++;
  const first = records[k++];
  if (!first) return { header: [], records: [], errors };
  const header = first.cells.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (h === "") errors.push({ line: first.line, field: "row", reason: "A column has no name." });
    else if (seen.has(h)) errors.push({ line: first.line, field: h, reason: `Column "${h}" appears twice.` });
    seen.add(h);
  }
  const out: CsvTable["records"] = [];
  for (; k < records.length; k++) {
    const r = records[k]!;
    if (isBlank(r)) continue;
    if (r.cells.length !== header.length) {
      const reason = `This record has ${r.cells.length} fields; the header has ${header.length}.`;
      errors.push({ line: r.line, field: "row", reason });
      continue;
    }
    for (let c = 0; c < r.cells.length; c++) r.cells[c] = restoreCell(r.cells[c]!);
    out.push(r);
  }
  if (unterminatedAt !== null) {
    const reason = "A quoted field is never closed: a double quote is missing.";
    errors.push({ line: unterminatedAt, field: "row", reason });
  }
  return { header, records: out, errors };
}

/** Reads a CSV document whose first record is the header into records keyed by header name. */
export function parseCsv(text: string): ParsedCsv {
  const { header, records, errors } = parseCsvTable(text);
  const rows = records.map((r) => {
    const values: Record<string, string> = {};
    header.forEach((name, k) => {
      values[name] = r.cells[k] ?? "";
    });
    return { line: r.line, values };
  });
  return { header, rows, errors };
}

/** Removes the apostrophe `csvCell` put before formula-like text. */
export function restoreCell(value: string): string {
  return value.charCodeAt(0) === 39 /* ' */ && DEFUSED.test(value) ? value.slice(1) : value;
}

/** One CSV cell: quoted when it holds a comma, quote or line break; formula-like text is defused. */
export function csvCell(value: unknown): string {
  let s = value == null ? "" : Array.isArray(value) ? value.join("; ") : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A CSV document (RFC 4180, CRLF line ends) from a header and rows. A row is either the cells in
 * header order or a record keyed by header name (missing keys write an empty cell).
 */
export function toCsv(header: string[], rows: Array<unknown[] | Record<string, unknown>>): string {
  // A record of one empty cell is written as "" so that it is not read as a blank line.
  const line = (cells: unknown[]) => cells.map(csvCell).join(",") || '""';
  const out = [line(header)];
  for (const r of rows) out.push(line(Array.isArray(r) ? r : header.map((h) => r[h])));
  return `${out.join("\r\n")}\r\n`;
}
