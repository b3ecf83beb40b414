/**
 * Reads a missions file (CSV or JSON, as the exports write them) into raw records in the shape of
 * the mission input schema. Only the fields present in the file are set, so an import can update
 * some columns of existing missions and leave the rest as they are. Pure.
 */
import { parseCsvTable } from "../../../domain/csv.js";
import type { ImportError } from "../../../domain/import-report.js";

export type ImportFormat = "csv" | "json";

/** One record of the file: where it is, and its values keyed by the input schema's field names. */
export type RawMission = { line: number; values: Record<string, unknown> };

/** CSV column → input field. `url` is written by the export for people and ignored on import. */
export const csvColumns = {
  slug: "slug",
  name: "name",
  lead: "lead",
  partners: "partners",
  other_partners: "otherPartners",
  destination: "destination",
  crewed: "crewed",
  launch: "launch",
  launch_precision: "launchPrecision",
  end: "end",
  end_precision: "endPrecision",
  status: "status",
  studies_polar_volatiles: "studiesPolarVolatiles",
  instruments: "instruments",
  description: "description",
  uncertain: "uncertain",
  uncertainty_note: "uncertaintyNote",
  sources: "sources",
  objectives: "objectives",
  lead_other: "leadOther",
  url: null,
} as const satisfies Record<string, string | null>;

const listFields = new Set(["partners", "otherPartners", "instruments", "sources", "objectives"]);
const booleanFields = new Set(["crewed", "studiesPolarVolatiles", "uncertain"]);
export const jsonFields = new Set<string>(
  Object.values(csvColumns).flatMap((f): string[] => (f === null ? [] : [f])),
);

const fieldToColumn = new Map<string, string>(
  Object.entries(csvColumns).flatMap(
    ([col, field]): Array<[string, string]> => (field ? [[field, col]] : []),
  ),
);

/** The name a person sees for a field in a report: the CSV column, or the JSON property. */
export const reportField = (field: string, format: ImportFormat) =>
  format === "csv" ? (fieldToColumn.get(field) ?? field) : field;

/** Guesses the format of pasted or uploaded text: JSON starts with `[` or `{`. */
export function detectFormat(text: string): ImportFormat {
  return /^\uFEFF?\s*[[{]/.test(text) ? "json" : "csv";
}

/** Reads the whole file; errors are those of the file's structure (rows are checked later). */
export function readMissionFile(
  text: string,
  format: ImportFormat,
): { rows: RawMission[]; errors: ImportError[] } {
  return format === "csv" ? readCsv(text) : readJson(text);
}

function readCsv(text: string): { rows: RawMission[]; errors: ImportError[] } {
  const parsed = parseCsvTable(text);
  const errors = [...parsed.errors];
  if (parsed.header.length === 0) {
    return { rows: [], errors: [{ line: 1, field: "row", reason: "The file is empty." }] };
  }
  for (const column of parsed.header) {
    if (!(column in csvColumns)) {
      const reason = `Unknown column "${column}". The columns are: ${Object.keys(csvColumns).join(", ")}.`;
      errors.push({ line: 1, field: column, reason });
    }
  }
  if (!parsed.header.includes("name") && !parsed.header.includes("slug")) {
    errors.push({ line: 1, field: "name", reason: "The file needs a name or a slug column." });
  }
  // Worked out once per column rather than once per cell: 100,000 rows make that count.
  const columns = parsed.header.flatMap((column, index) => {
    const field: string | null | undefined = csvColumns[column as keyof typeof csvColumns];
    return field ? [{ index, field, read: cellReader(field) }] : [];
  });
  const rows = parsed.records.map((r) => {
    const values: Record<string, unknown> = {};
    for (const { index, field, read } of columns) values[field] = read(r.cells[index]!, r.line, errors);
    return { line: r.line, values };
  });
  return { rows, errors };
}

type CellReader = (cell: string, line: number, errors: ImportError[]) => unknown;

/** How a CSV cell becomes what the input schema wants: lists split on semicolons, booleans as true/false. */
function cellReader(field: string): CellReader {
  if (listFields.has(field)) return readList;
  if (booleanFields.has(field)) {
    return (cell, line, errors) => {
      const text = cell.trim();
      if (/^(true|yes|1)$/i.test(text)) return true;
      if (/^(false|no|0|)$/i.test(text)) return false;
      errors.push({ line, field: reportField(field, "csv"), reason: `Write true or false, not "${text}".` });
      return false;
    };
  }
  return (cell) => cell.trim();
}

function readList(cell: string): string[] {
  const items: string[] = [];
  for (const part of cell.split(";")) {
    const item = part.trim();
    if (item) items.push(item);
  }
  return items;
}

function readJson(text: string): { rows: RawMission[]; errors: ImportError[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const reason = `The file is not valid JSON (${e instanceof Error ? e.message : "parse error"}).`;
    return { rows: [], errors: [{ line: 1, field: "row", reason }] };
  }
  // The export writes a bare array; the API's list answers { data: [...] }: both read back.
  const wrapped = data as { missions?: unknown; data?: unknown } | null;
  const items = Array.isArray(data) ? data : (wrapped?.missions ?? wrapped?.data);
  if (!Array.isArray(items)) {
    const reason = "Send an array of missions, or an object with a missions (or data) array.";
    return { rows: [], errors: [{ line: 1, field: "row", reason }] };
  }
  const errors: ImportError[] = [];
  const rows: RawMission[] = [];
  items.forEach((item, k) => {
    const line = k + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      errors.push({ line, field: "row", reason: "Each mission must be an object." });
      return;
    }
    for (const key of Object.keys(item)) {
      if (!jsonFields.has(key)) errors.push({ line, field: key, reason: `Unknown property "${key}".` });
    }
    rows.push({ line, values: { ...(item as Record<string, unknown>) } });
  });
  return { rows, errors };
}
