/**
 * What every import (missions, technology records, ...) does the same way around its own checks and
 * writes: the all-or-nothing run inside one `write()`, the refusal that carries the report, and the
 * API's query, problem schema and answers. The pure parts are in domain/import-report.ts.
 */
import { z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import type { Deps } from "../deps.js";
import {
  chosenFormat,
  formatOfContentType,
  type ImportError,
  type ImportFormat,
  importFormats,
} from "../domain/import-report.js";
import type { Actor } from "../http/actor.js";
import { ErrorBody, errorResponse, json } from "../http/api-schemas.js";
import type { AppContext } from "../http/env.js";
import { AppError } from "../http/errors.js";
import { plural } from "../web/words.js";
import { uploadBody } from "./uploads.js";
import { type AuditEntry, write } from "./write.js";

/** An all-or-nothing import that wrote nothing; `report` lists every problem, row by row. */
export class ImportRejected<Report extends { errors: ImportError[] }> extends AppError {
  constructor(readonly report: Report) {
    super(
      "validation_failed",
      `Nothing was imported: ${plural(report.errors.length, "problem")} in the file.`,
    );
  }
}

/**
 * Runs an import: a dry run checks against the database and reports; a real one runs inside one
 * `write()`, and any problem in its report throws `ImportRejected`, which rolls back whatever
 * `run` wrote, so nothing changes. `run(db, writing)` checks the file and, when `writing`, writes.
 */
export async function runImport<Report extends { errors: ImportError[] }>(
  deps: Deps,
  actor: Actor,
  dryRun: boolean,
  run: (db: Db, writing: boolean) => Promise<Report>,
  audit: (report: Report) => AuditEntry,
): Promise<Report> {
  if (dryRun) return run(deps.db, false);
  return write(deps, actor, async (tx, record) => {
    // Checked inside the transaction, so the check matches what it is applied to.
    const report = await run(tx, true);
    if (report.errors.length) throw new ImportRejected(report);
    await record(audit(report));
    return report;
  });
}

/** One problem of an API import report, as `domain/import-report.ts` describes it. */
export const importProblem = z.object({
  line: z
    .number()
    .int()
    .openapi({ description: "CSV: the line the record starts on; JSON: the item number" }),
  field: z.string().openapi({ description: "column or property; `row` for the record as a whole" }),
  reason: z.string(),
});

/**
 * The schema of an API import report, named `name` in the OpenAPI document: what every report
 * says (domain/import-report.ts's ImportReportBase), with the import's own `fields` (what it
 * created, updated ...) before its problems.
 */
export const importReportSchema = <Fields extends z.ZodRawShape>(
  name: string,
  fields: Fields,
  problem: z.ZodType = importProblem,
) =>
  z
    .object({
      dryRun: z.boolean(),
      format: z.enum(importFormats),
      rows: z.number().int(),
      ...fields,
      errors: z.array(problem),
    })
    .openapi(name);

/** The answers of an import route: its report, or a refused file's error and report (422). */
export const importResponses = (report: z.ZodType, forbidden: string) => ({
  200: json(z.object({ data: report }), "What was (or would be) imported, and every problem"),
  401: errorResponse("Not signed in"),
  403: errorResponse(forbidden),
  422: json(ErrorBody.extend({ report }), "Bad rows: nothing was imported; `report.errors` lists them"),
});

/** The query of every import route: a dry run unless told otherwise. */
export const importQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true (default): only check and report; false: import", example: "true" }),
});

/** What an import route reads from its request: the body as text, its format, dry run or not. */
export async function importRequest(c: AppContext) {
  const text = await c.req.text();
  const format: ImportFormat | undefined = formatOfContentType(c.req.header("content-type"));
  return { text, format, dryRun: c.req.query("dryRun") !== "false" };
}

/** Answers an import route: 200 with the report, or 422 with the error and the report of a refused file. */
export async function answerImport(c: AppContext, run: () => Promise<object>) {
  try {
    return c.json({ data: await run() }, 200);
  } catch (e) {
    if (!(e instanceof ImportRejected)) throw e;
    const error = { code: e.code, message: e.message, requestId: c.var.requestId };
    return c.json({ error, report: e.report }, 422);
  }
}

/**
 * The file of an import form: the checked file carried to the confirmation (`payload`, see
 * `ImportConfirmation`), else the uploaded `file`, else the text pasted in the `paste` field
 * (`pasted`, to show again); and the format chosen. `values` holds the form's other fields.
 */
export async function importForm(c: AppContext, paste: string) {
  const { values, file } = await uploadBody(c);
  const pasted = file ? "" : (values[paste] ?? "");
  const carried = values.payload ? Buffer.from(values.payload, "base64").toString("utf8") : "";
  const text = carried || (file ? new TextDecoder().decode(file.bytes) : pasted);
  return { values, text, pasted, format: chosenFormat(values.format) };
}

/**
 * An import run from a page: its report and the page's status, 422 when the file has problems,
 * whether a dry run found them or the import was refused (`ImportRejected`, its report).
 */
export async function importOnPage<Report extends { errors: ImportError[] }>(
  run: () => Promise<Report>,
): Promise<{ report: Report; status: 200 | 422 }> {
  try {
    const report = await run();
    return { report, status: report.errors.length ? 422 : 200 };
  } catch (e) {
    if (e instanceof ImportRejected) return { report: e.report as Report, status: 422 };
    throw e;
  }
}
