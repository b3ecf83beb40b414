import type { Child } from "hono/jsx";
import type { FieldErrors } from "../../../../http/errors.js";
import { CsrfField, ErrorSummary, Select } from "../../../../web/components.js";
import { ImportConfirmation, ImportFileFields, ImportResult } from "../../../../web/import-report.js";
import { plural } from "../../../../web/words.js";
import type { TechnologyImportReport } from "../import.service.js";

/** Each kind's noun, singular and plural. */
const kindNouns = {
  technologies: ["technology", "technologies"],
  capabilities: ["capability", "capabilities"],
  needs: ["need", "needs"],
} as const;

/** What a dry run or an import found: what a clean file will do or did, or every problem in it. */
export function ImportReportView(p: { report: TechnologyImportReport; children?: Child }) {
  const { report } = p;
  const what = kindNouns[report.kind][1];
  return (
    <ImportResult report={report}>
      <p class="notice" role="status">
        {plural(report.rows, "record")} read
        {report.dryRun ? ", no problems. Importing the file would create" : ". Created"} {report.created} and{" "}
        {report.dryRun ? "update" : "updated"} {report.updated} {what}.
      </p>
      {p.children}
    </ImportResult>
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
      <ImportFileFields
        fileHint="CSV or JSON as the exports above write them."
        paste="content"
        pasted={p.values.content}
        format={p.values.format}
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

/** After a clean dry run: the same file, sent again to import it for real. */
export function ConfirmImport(p: { csrf: string; text: string; report: TechnologyImportReport }) {
  if (!p.report.dryRun || p.report.errors.length > 0) return null;
  const [one, many] = kindNouns[p.report.kind];
  return (
    <ImportConfirmation
      action="/private/technology/data"
      csrf={p.csrf}
      report={p.report}
      text={p.text}
      fields={{ kind: p.report.kind, action: "import" }}
      button={`Import ${plural(p.report.created + p.report.updated, one, many)}`}
      back={{ href: "/private/technology/data", label: "Cancel" }}
    />
  );
}
