import type { ImportError } from "../domain/import-report.js";
import { AppError } from "../http/errors.js";
import { plural } from "../web/words.js";

/** An all-or-nothing import that wrote nothing; `report` lists every problem, row by row. */
export class ImportRejected<Report extends { errors: ImportError[] }> extends AppError {
  constructor(readonly report: Report) {
    super(
      "validation_failed",
      `Nothing was imported: ${plural(report.errors.length, "problem")} in the file.`,
    );
  }
}
