import type { FieldErrors } from "../../../../http/errors.js";
import { CsrfField, ErrorSummary, Select, TableScroll, TextArea } from "../../../../web/components.js";
import type { TechnologyImportReport } from "../import.service.js";

const kindLabels = { technologies: "technologies", capabilities: "capabilities", needs: "needs" } as const;

/** What a dry run or an import found: counts, and one line per problem (line, field, reason). */
export function ImportReportView({ report }: { report: TechnologyImportReport }) {
  const what = kindLabels[report.kind];
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">
        {report.dryRun ? "Dry run" : "Import"}: {report.rows} {what} read
      </h2>
      {report.errors.length === 0 ? (
        <p class="notice" role="status">
          {report.dryRun ? "Nothing is wrong with the file. Importing it would create" : "Created"}{" "}
          {report.created} and {report.dryRun ? "update" : "updated"} {report.updated} {what}.
        </p>
      ) : (
        <>
          <p role="alert">
            <strong>
              {report.errors.length} problem{report.errors.length === 1 ? "" : "s"}: nothing can be imported
              until every row is right.
            </strong>
          </p>
          <TableScroll label="Problems in the file">
            <table class="data-table">
              <caption>Problems in the file</caption>
              <thead>
                <tr>
                  <th scope="col">{report.format === "csv" ? "Line" : "Item"}</th>
                  <th scope="col">Field</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e) => (
                  <tr>
                    <td>{e.line}</td>
                    <td>{e.field}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

/** The import form: kind, pasted text or an uploaded file; a dry run comes first. */
export function ImportForm(p: {
  csrf: string;
  kinds: Array<{ value: string; label: string }>;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <form
      method="post"
      action="/private/technology/data"
      class="form"
      enctype="multipart/form-data"
      novalidate
    >
      <CsrfField token={p.csrf} />
      <ErrorSummary errors={p.errors} />
      <Select
        name="kind"
        label="What the file holds"
        value={p.values.kind}
        options={p.kinds}
        errors={p.errors}
        required
      />
      <Select
        name="format"
        label="Format"
        value={p.values.format}
        options={[
          { value: "", label: "Recognise it (JSON starts with [ or {)" },
          { value: "csv", label: "CSV" },
          { value: "json", label: "JSON" },
        ]}
        errors={p.errors}
      />
      <div class="field">
        <label for="f-file">
          File<span class="optional"> (optional)</span>
        </label>
        <p class="hint" id="f-file-hint">
          A CSV or JSON file as the exports above write it. Or paste the text below.
        </p>
        <input
          id="f-file"
          type="file"
          name="file"
          accept=".csv,.json,text/csv,application/json"
          aria-describedby="f-file-hint"
        />
      </div>
      <TextArea
        name="content"
        label="Or paste the text"
        rows={8}
        value={p.values.content}
        errors={p.errors}
      />
      <p class="form-actions">
        <button class="button" type="submit" name="action" value="check">
          Check the file (dry run)
        </button>
      </p>
    </form>
  );
}

/** After a clean dry run: the same text, sent again to import it for real. */
export function ConfirmImport(p: {
  csrf: string;
  kind: string;
  format: string;
  content: string;
  report: TechnologyImportReport;
}) {
  if (!p.report.dryRun || p.report.errors.length > 0) return null;
  return (
    <form method="post" action="/private/technology/data" class="form">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="kind" value={p.kind} />
      <input type="hidden" name="format" value={p.format} />
      <textarea name="content" hidden>
        {p.content}
      </textarea>
      <p class="form-actions">
        <button class="button" type="submit" name="action" value="import">
          Import {p.report.created + p.report.updated} {p.report.kind}
        </button>
        <a href="/private/technology/data">Cancel</a>
      </p>
    </form>
  );
}
