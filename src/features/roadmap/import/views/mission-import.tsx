import type { FieldErrors } from "../../../../http/errors.js";
import { CsrfField, ErrorSummary } from "../../../../web/components.js";
import { ImportConfirmation, ImportFileFields, ImportResult } from "../../../../web/import-report.js";
import { plural } from "../../../../web/words.js";
import type { ImportReport } from "../mission-import.service.js";

export const PATH = "/private/missions/import";

export const count = (n: number, what: string) => `${plural(n, "mission")} ${what}`;

export const UploadForm = (p: { csrf: string; errors?: FieldErrors; pasted?: string; format?: string }) => (
  <form method="post" action={PATH} enctype="multipart/form-data" class="form" novalidate>
    <ErrorSummary errors={p.errors} />
    <CsrfField token={p.csrf} />
    <ImportFileFields
      fileHint="CSV or JSON as the roadmap's exports write them (up to 64 MB)."
      paste="text"
      pasteHint="The first line of a CSV names the columns: slug, name, lead, destination, status, launch, launch_precision, …"
      pasted={p.pasted}
      format={p.format}
      errors={p.errors}
    />
    <p class="form-actions">
      <button class="button" type="submit">
        Check the file
      </button>
      <a href="/private/missions">Cancel</a>
    </p>
  </form>
);

/** The dry run's verdict: problems to fix, or what the import will do and a button to do it. */
export function Report({ csrf, report, text }: { csrf: string; report: ImportReport; text: string }) {
  const summary = [
    count(report.created.length, "to add"),
    count(report.updated.length, "to change"),
    count(report.unchanged, "already up to date"),
  ].join(", ");
  return (
    <ImportResult report={report}>
      <p>
        {plural(report.rows, "record")} read, no problems: {summary}. Missions not in the file are left as
        they are.
      </p>
      <ImportConfirmation
        action={PATH}
        csrf={csrf}
        report={report}
        text={text}
        fields={{ step: "import" }}
        button={`Import ${plural(report.created.length + report.updated.length, "mission")}`}
        back={{ href: PATH, label: "Start again" }}
      />
    </ImportResult>
  );
}
