/**
 * Reads a technology, capability or need file (CSV or JSON, as the exports write them) into raw
 * records keyed by the input schema's field names. Pure: checks only the file's structure.
 */
import { parseCsv } from "../../../domain/csv.js";
import type { ImportError } from "../../../domain/import-report.js";

export const importKinds = ["technologies", "capabilities", "needs"] as const;
export type ImportKind = (typeof importKinds)[number];
export type ImportFormat = "csv" | "json";
export type RawRecord = { line: number; values: Record<string, unknown> };

/** CSV column → input field, per kind; the exports write these columns in this order. */
export const columnsByKind: Record<ImportKind, Record<string, string>> = {
  technologies: {
    code: "code",
    area: "area",
    title: "title",
    description: "description",
    destinations: "destinations",
    uncertain: "uncertain",
    uncertain_note: "uncertainNote",
    sources: "sources",
  },
  capabilities: {
    agency: "agency",
    technology: "technology",
    current_trl: "currentTrl",
    target_trl: "targetTrl",
    target_date: "targetDate",
    note: "note",
    evidence_url: "evidenceUrl",
  },
  needs: {
    id: "id",
    mission: "mission",
    element: "element",
    technology: "technology",
    trl_needed: "trlNeeded",
    needed_by: "neededBy",
    note: "note",
  },
};

/** The columns a file of this kind cannot do without. */
const requiredColumns: Record<ImportKind, string[]> = {
  technologies: ["code", "area", "title"],
  capabilities: ["agency", "technology", "current_trl", "target_trl", "target_date"],
  needs: ["technology", "trl_needed", "needed_by"],
};
const listFields = new Set(["destinations", "sources"]);

/** The name a person sees for a field in a report: the CSV column, or the JSON property. */
export function reportField(kind: ImportKind, field: string, format: ImportFormat): string {
  if (format === "json") return field;
  const entry = Object.entries(columnsByKind[kind]).find(([, f]) => f === field);
  return entry ? entry[0] : field;
}

/** Guesses the format of pasted or uploaded text: JSON starts with `[` or `{`. */
export function detectFormat(text: string): ImportFormat {
  return /^\uFEFF?\s*[[{]/.test(text) ? "json" : "csv";
}

/** Reads the whole file; the errors are those of its structure (rows are checked later). */
export function readImportFile(
  kind: ImportKind,
  text: string,
  format: ImportFormat,
): { rows: RawRecord[]; errors: ImportError[] } {
  return format === "csv" ? readCsv(kind, text) : readJson(kind, text);
}

function readCsv(kind: ImportKind, text: string) {
  const parsed = parseCsv(text);
  const errors = [...parsed.errors];
  if (parsed.header.length === 0)
    return { rows: [], errors: [{ line: 1, field: "row", reason: "The file is empty." }] };
  const columns = columnsByKind[kind];
  for (const column of parsed.header) {
    if (!(column in columns))
      errors.push({
        line: 1,
        field: column,
        reason: `Unknown column "${column}". The columns are: ${Object.keys(columns).join(", ")}.`,
      });
  }
  for (const column of requiredColumns[kind]) {
    if (!parsed.header.includes(column))
      errors.push({ line: 1, field: column, reason: `The file needs a "${column}" column.` });
  }
  const rows = parsed.rows.map((r) => {
    const values: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(r.values)) {
      const field = columns[column];
      if (!field) continue;
      const text = cell.trim();
      values[field] = listFields.has(field)
        ? text
            .split(";")
            .map((s) => s.trim())
            .filter(Boolean)
        : text;
    }
    return { line: r.line, values };
  });
  return { rows, errors };
}

function readJson(kind: ImportKind, text: string) {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const reason = `The file is not valid JSON (${e instanceof Error ? e.message : "parse error"}).`;
    return { rows: [], errors: [{ line: 1, field: "row", reason }] };
  }
  // The export writes a bare array; the API's lists answer { data: [...] }: both read back.
  const items = Array.isArray(data) ? data : (data as { data?: unknown } | null)?.data;
  if (!Array.isArray(items)) {
    return {
      rows: [],
      errors: [{ line: 1, field: "row", reason: "Send an array of records, or { data: [...] }." }],
    };
  }
  const known = new Set(Object.values(columnsByKind[kind]));
  const errors: ImportError[] = [];
  const rows: RawRecord[] = [];
  items.forEach((item, k) => {
    const line = k + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      errors.push({ line, field: "row", reason: "Each record must be an object." });
      return;
    }
    const values: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(item)) {
      if (!known.has(key)) errors.push({ line, field: key, reason: `Unknown property "${key}".` });
      // Numbers and booleans are accepted as the forms' text is: the schemas coerce them.
      else values[key] = typeof v === "number" || typeof v === "boolean" ? String(v) : v;
    }
    rows.push({ line, values });
  });
  return { rows, errors };
}
