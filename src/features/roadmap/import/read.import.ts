/**
 * Reads a missions file (CSV or JSON, as the exports write them) into raw records in the shape of
 * the mission input schema. Only the fields present in the file are set, so an import can update
 * some columns of existing missions and leave the rest as they are. Pure.
 */
import {
  type CellReader,
  type CsvSpec,
  type FileRead,
  fieldNamer,
  fieldsOfColumns,
  type ImportFormat,
  type JsonSpec,
  readCsvRecords,
  readJsonRecords,
  readList,
} from "../../../domain/import-report.js";

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

/** The name a person sees for a field in a report: the CSV column, or the JSON property. */
export const reportField = fieldNamer(csvColumns);

/** How the missions file's CSV and JSON are read (see domain/import-report.ts). */
const csvSpec: CsvSpec = {
  columns: csvColumns,
  cell: cellReader,
  missing: (header) =>
    header.includes("name") || header.includes("slug")
      ? []
      : [{ line: 1, field: "name", reason: "The file needs a name or a slug column." }],
};
const jsonSpec: JsonSpec = {
  fields: fieldsOfColumns(csvColumns),
  record: "mission",
  wrappers: ["missions", "data"],
  notAnArray: "Send an array of missions, or an object with a missions (or data) array.",
};

/** Reads the whole file; errors are those of the file's structure (rows are checked later). */
export function readMissionFile(text: string, format: ImportFormat): FileRead {
  return format === "csv" ? readCsvRecords(text, csvSpec) : readJsonRecords(text, jsonSpec);
}

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
