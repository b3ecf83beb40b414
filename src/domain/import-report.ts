/**
 * The skeleton every import (missions, technology records, ...) shares: the shape its report and
 * problems take, the formats it reads, and the reading of a CSV or JSON file into raw records keyed
 * by the input schema's field names. Pure; each import supplies its own columns and checks.
 */
import { parseCsvTable } from "./csv.js";

/**
 * The shape every import reports problems in: one entry per bad field of a bad row, so a dry run
 * can list them all in a table and an API client can act on each.
 */
export type ImportError = {
  /** 1-based physical line of the file where the record starts (JSON: 1-based item index). */
  line: number;
  /** The column (CSV) or property (JSON) at fault; "row" when the record as a whole is wrong. */
  field: string;
  /** A sentence a person can act on: what is wrong and what would be right. */
  reason: string;
};

/** The formats an import reads, as the exports write them. */
export const importFormats = ["csv", "json"] as const;
export type ImportFormat = (typeof importFormats)[number];

/** What every import report says, whatever else its import adds (what was created, updated ...). */
export type ImportReportBase = {
  dryRun: boolean;
  format: ImportFormat;
  /** Records read from the file. */
  rows: number;
  errors: ImportError[];
};

/** One record of a file: where it starts, and its values keyed by the input schema's field names. */
export type RawRecord = { line: number; values: Record<string, unknown> };

/** A file read: its records, and the problems of its structure (the rows are checked later). */
export type FileRead = { rows: RawRecord[]; errors: ImportError[] };

/** Errors ordered by line then field, so reports read top to bottom like the file. */
export function sortImportErrors(errors: ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
}

/** Guesses the format of pasted or uploaded text: JSON starts with `[` or `{`. */
export function detectFormat(text: string): ImportFormat {
  return /^\uFEFF?\s*[[{]/.test(text) ? "json" : "csv";
}

/** A format chosen in a form or on the command line ("csv", "json"); anything else is no choice. */
export const chosenFormat = (value: string | undefined): ImportFormat | undefined =>
  value === "csv" || value === "json" ? value : undefined;

/** The format of a request body from its content type; undefined when it names neither. */
export function formatOfContentType(contentType: string | undefined): ImportFormat | undefined {
  if (!contentType) return undefined;
  if (/\bjson\b/i.test(contentType)) return "json";
  if (/\bcsv\b/i.test(contentType)) return "csv";
  return undefined;
}

/** The problem of a file that holds no record at all ("The file holds no missions."). */
export const noRecordsError = (records: string): ImportError => ({
  line: 1,
  field: "row",
  reason: `The file holds no ${records}.`,
});

/** The input fields an import's CSV columns name (null: a column it ignores): the JSON properties it knows. */
export const fieldsOfColumns = (columns: Record<string, string | null>): ReadonlySet<string> =>
  new Set(Object.values(columns).flatMap((field) => (field ? [field] : [])));

/** How a field is named in a report: by its CSV column in a CSV file, as its property in JSON. */
export function fieldNamer(columns: Record<string, string | null>) {
  const toColumn = new Map(
    Object.entries(columns).flatMap(
      ([column, field]): Array<[string, string]> => (field ? [[field, column]] : []),
    ),
  );
  return (field: string, format: ImportFormat) => (format === "csv" ? (toColumn.get(field) ?? field) : field);
}

/** A CSV cell list: items separated by semicolons, trimmed, empty ones left out. */
export function readList(cell: string): string[] {
  const items: string[] = [];
  for (const part of cell.split(";")) {
    const item = part.trim();
    if (item) items.push(item);
  }
  return items;
}

/** How one CSV cell becomes what the input schema wants; it may report a problem of its own. */
export type CellReader = (cell: string, line: number, errors: ImportError[]) => unknown;

/** How an import reads CSV: column → input field (null: written by the export, ignored on import). */
export type CsvSpec = {
  columns: Record<string, string | null>;
  /** The reader of a field's cells, asked once per column. */
  cell: (field: string) => CellReader;
  /** The problems of a header that lacks a column the import cannot do without. */
  missing: (header: string[]) => ImportError[];
};

/** Reads a whole CSV file whose first line names the columns (the RFC 4180 reader of domain/csv.ts). */
export function readCsvRecords(text: string, spec: CsvSpec): FileRead {
  const parsed = parseCsvTable(text);
  const errors = [...parsed.errors];
  if (parsed.header.length === 0) {
    return { rows: [], errors: [{ line: 1, field: "row", reason: "The file is empty." }] };
  }
  for (const column of parsed.header) {
    if (!(column in spec.columns)) {
      const reason = `Unknown column "${column}". The columns are: ${Object.keys(spec.columns).join(", ")}.`;
      errors.push({ line: 1, field: column, reason });
    }
  }
  errors.push(...spec.missing(parsed.header));
  // Worked out once per column rather than once per cell: 100,000 rows make that count.
  const columns = parsed.header.flatMap((column, index) => {
    const field = Object.hasOwn(spec.columns, column) ? spec.columns[column] : null;
    return field ? [{ index, field, read: spec.cell(field) }] : [];
  });
  const rows = parsed.records.map((r) => {
    const values: Record<string, unknown> = {};
    for (const { index, field, read } of columns) values[field] = read(r.cells[index]!, r.line, errors);
    return { line: r.line, values };
  });
  return { rows, errors };
}

/** How an import reads JSON: the properties it knows, and how its records are named and wrapped. */
export type JsonSpec = {
  fields: ReadonlySet<string>;
  /** What one record is called in a problem ("Each mission must be an object."). */
  record: string;
  /** The properties of an object that may hold the array (`{ data: [...] }`, as the API's lists answer). */
  wrappers: string[];
  /** The problem of a document that is no array of records. */
  notAnArray: string;
  /** A known property's value as the input schema takes it. */
  value?: (value: unknown) => unknown;
};

/** Reads a whole JSON file: an array of records, or an object holding one; unknown properties are problems. */
export function readJsonRecords(text: string, spec: JsonSpec): FileRead {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const reason = `The file is not valid JSON (${e instanceof Error ? e.message : "parse error"}).`;
    return { rows: [], errors: [{ line: 1, field: "row", reason }] };
  }
  const items = Array.isArray(data) ? data : wrapped(data, spec.wrappers);
  if (!Array.isArray(items))
    return { rows: [], errors: [{ line: 1, field: "row", reason: spec.notAnArray }] };
  const errors: ImportError[] = [];
  const rows: RawRecord[] = [];
  items.forEach((item, k) => {
    const line = k + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      errors.push({ line, field: "row", reason: `Each ${spec.record} must be an object.` });
      return;
    }
    const values: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(item)) {
      if (!spec.fields.has(key)) errors.push({ line, field: key, reason: `Unknown property "${key}".` });
      else values[key] = spec.value ? spec.value(v) : v;
    }
    rows.push({ line, values });
  });
  return { rows, errors };
}

/** The first wrapper property of an object that is set (`{ missions }`, then `{ data }` ...). */
function wrapped(data: unknown, wrappers: string[]): unknown {
  if (data === null || typeof data !== "object") return undefined;
  const object = data as Record<string, unknown>;
  for (const key of wrappers) if (object[key] != null) return object[key];
  return undefined;
}
