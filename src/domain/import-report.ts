/**
 * The shape every import (missions, technology, ...) reports problems in: one entry per bad field
 * of a bad row, so a dry run can list them all in a table and an API client can act on each.
 */
export type ImportError = {
  /** 1-based physical line of the file where the record starts (JSON: 1-based item index). */
  line: number;
  /** The column (CSV) or property (JSON) at fault; "row" when the record as a whole is wrong. */
  field: string;
  /** A sentence a person can act on: what is wrong and what would be right. */
  reason: string;
};

/** Errors ordered by line then field, so reports read top to bottom like the file. */
export function sortImportErrors(errors: ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
}
