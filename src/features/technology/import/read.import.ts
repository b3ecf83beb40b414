/**
 * Reads a technology, capability or need file (CSV or JSON, as the exports write them) into raw
 * records keyed by the input schema's field names. Pure: checks only the file's structure.
 */
import {
  type FileRead,
  fieldNamer,
  fieldsOfColumns,
  type ImportFormat,
  type JsonSpec,
  readCsvRecords,
  readJsonRecords,
  readList,
} from "../../../domain/import-report.js";

export const importKinds = ["technologies", "capabilities", "needs"] as const;
export type ImportKind = (typeof importKinds)[number];

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

const namers = Object.fromEntries(importKinds.map((kind) => [kind, fieldNamer(columnsByKind[kind])]));

/** The name a person sees for a field in a report: the CSV column, or the JSON property. */
export function reportField(kind: ImportKind, field: string, format: ImportFormat): string {
  return namers[kind]!(field, format);
}

/** Reads the whole file; the errors are those of its structure (rows are checked later). */
export function readImportFile(kind: ImportKind, text: string, format: ImportFormat): FileRead {
  if (format === "json") return readJsonRecords(text, jsonSpecs[kind]);
  return readCsvRecords(text, {
    columns: columnsByKind[kind],
    cell: (field) => (listFields.has(field) ? readList : (cell) => cell.trim()),
    missing: (header) =>
      requiredColumns[kind]
        .filter((column) => !header.includes(column))
        .map((column) => ({ line: 1, field: column, reason: `The file needs a "${column}" column.` })),
  });
}

const jsonSpecs = Object.fromEntries(
  importKinds.map((kind): [ImportKind, JsonSpec] => [
    kind,
    {
      fields: fieldsOfColumns(columnsByKind[kind]),
      record: "record",
      wrappers: ["data"],
      notAnArray: "Send an array of records, or { data: [...] }.",
      // Numbers and booleans are accepted as the forms' text is: the schemas coerce them.
      value: (v) => (typeof v === "number" || typeof v === "boolean" ? String(v) : v),
    },
  ]),
) as Record<ImportKind, JsonSpec>;
