/**
 * The views every import page shares (missions, technology records): the fields that take a file,
 * and what a check or an import found, with each problem by line, field and reason. A page adds
 * only what is its own: what a clean file will do or did, and the button that confirms it.
 */
import type { Child } from "hono/jsx";
import type { ImportError, ImportFormat, ImportReportBase } from "../domain/import-report.js";
import type { FieldErrors } from "../http/errors.js";
import { CsrfField, FileField, Select, TableScroll, TextArea } from "./components.js";
import { plural } from "./words.js";

// A report lists this many problems; more would make a page nobody reads. The API lists them all.
const SHOWN_ERRORS = 500;

const formatOptions = [
  { value: "", label: "Recognise it (JSON starts with [ or {)" },
  { value: "csv", label: "CSV" },
  { value: "json", label: "JSON" },
];

/** The file to import: uploaded, or pasted in the `paste` field; and its format, recognised unless chosen. */
export function ImportFileFields(p: {
  /** What the file is, after "CSV or JSON" (as which exports write it, how large it may be). */
  fileHint: string;
  paste: string;
  pasteHint?: string;
  pasted?: string;
  format?: string;
  errors?: FieldErrors;
}) {
  return (
    <>
      <FileField
        name="file"
        label="File"
        hint={p.fileHint}
        accept=".csv,.json,text/csv,application/json"
        optional
      />
      <TextArea
        name={p.paste}
        label="Or paste the file's content"
        value={p.pasted}
        errors={p.errors}
        rows={8}
        hint={p.pasteHint}
      />
      <Select name="format" label="Format" value={p.format ?? ""} options={formatOptions} errors={p.errors} />
    </>
  );
}

/**
 * What a check or an import of a file found. With problems: that nothing was changed, and each
 * problem; otherwise `children`, the page's own account of what the file will do (or did).
 */
export function ImportResult(p: { report: ImportReportBase; children?: Child }) {
  const { report } = p;
  if (report.errors.length === 0) {
    return (
      <section aria-labelledby="report">
        <h2 id="report">{report.dryRun ? "Ready to import" : "Imported"}</h2>
        {p.children}
      </section>
    );
  }
  return (
    <section aria-labelledby="report">
      <h2 id="report">The file cannot be imported yet</h2>
      <p role="alert">
        {plural(report.rows, "record")} read. Nothing was changed: fix every problem below and check the file
        again.
      </p>
      <ImportProblems errors={report.errors} format={report.format} />
    </section>
  );
}

/**
 * After a clean check: the same file, carried in the form byte for byte (base64, read back by
 * `importForm`) with its format as checked, to import it for real; and the way back.
 */
export function ImportConfirmation(p: {
  action: string;
  csrf: string;
  report: ImportReportBase;
  text: string;
  /** The form's other fields, which tell the page to import (and what). */
  fields: Record<string, string>;
  button: string;
  back: { href: string; label: string };
}) {
  return (
    <form method="post" action={p.action} class="form">
      <CsrfField token={p.csrf} />
      {Object.entries(p.fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="format" value={p.report.format} />
      <input type="hidden" name="payload" value={Buffer.from(p.text, "utf8").toString("base64")} />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.button}
        </button>
        <a href={p.back.href}>{p.back.label}</a>
      </p>
    </form>
  );
}

/** The problems of a file, one row each: where (CSV line or JSON item), which field, what is wrong. */
export function ImportProblems({ errors, format }: { errors: ImportError[]; format: ImportFormat }) {
  return (
    <TableScroll label="Problems in the file">
      <table class="data-table">
        <caption>
          {plural(errors.length, "problem")}
          {errors.length > SHOWN_ERRORS ? ` (the first ${SHOWN_ERRORS} shown)` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">{format === "csv" ? "Line" : "Item"}</th>
            <th scope="col">Field</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {errors.slice(0, SHOWN_ERRORS).map((e) => (
            <tr>
              <td>{e.line}</td>
              <td>
                <code>{e.field}</code>
              </td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
