import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { personAllowedBy } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { importForm, importOnPage } from "../../../kit/imports.js";
import { CsrfField, ErrorSummary, Notice, PageHeader } from "../../../web/components.js";
import { ImportConfirmation, ImportFileFields, ImportResult } from "../../../web/import-report.js";
import { plural } from "../../../web/words.js";
import { canImportMissions } from "../roadmap.policy.js";
import { type ImportReport, importMissions } from "./mission-import.service.js";

const PATH = "/private/missions/import";

const guard = personAllowedBy(
  canImportMissions,
  "Only focal points and the secretariat can import missions.",
);

/** The file from the form: an upload, pasted text, or the checked file carried to the confirmation. */
async function submittedFile(c: AppContext) {
  const { values, text, pasted, format } = await importForm(c, "text");
  return { text, format, confirm: values.step === "import", pasted };
}

const UploadForm = (p: { c: AppContext; errors?: FieldErrors; pasted?: string; format?: string }) => (
  <form method="post" action={PATH} enctype="multipart/form-data" class="form" novalidate>
    <ErrorSummary errors={p.errors} />
    <CsrfField token={p.c.var.csrfToken()} />
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

const count = (n: number, what: string) => `${plural(n, "mission")} ${what}`;

/** The dry run's verdict: problems to fix, or what the import will do and a button to do it. */
function Report({ c, report, text }: { c: AppContext; report: ImportReport; text: string }) {
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
        csrf={c.var.csrfToken()}
        report={report}
        text={text}
        fields={{ step: "import" }}
        button={`Import ${plural(report.created.length + report.updated.length, "mission")}`}
        back={{ href: PATH, label: "Start again" }}
      />
    </ImportResult>
  );
}

function importPage(c: AppContext, body: () => unknown, status: 200 | 422 = 200) {
  return renderPrivate(
    c,
    {
      title: "Import missions",
      body: () => (
        <>
          <PageHeader
            title="Import missions"
            lead="Add and update many missions at once from a CSV or JSON file. Missions are matched by their slug. First the file is checked; nothing changes until you confirm, and then all rows are imported or none."
          />
          {body()}
        </>
      ),
    },
    status,
  );
}

/** The private page to check and import a missions file. */
export function missionImportPages() {
  const app = new Hono<AppEnv>();
  app.get(PATH, (c) => {
    guard(c);
    const q = (k: string) => Number(c.req.query(k) ?? 0) || 0;
    const done = c.req.query("done")
      ? `Imported: ${count(q("created"), "added")}, ${count(q("updated"), "changed")}, ${count(q("unchanged"), "unchanged")}.`
      : undefined;
    return importPage(c, () => (
      <>
        <Notice text={done} />
        <UploadForm c={c} />
      </>
    ));
  });
  app.post(PATH, async (c) => {
    const actor = guard(c);
    const file = await submittedFile(c);
    if (!file.text.trim()) {
      const errors = { text: "Choose a file or paste its content." };
      return importPage(c, () => <UploadForm c={c} errors={errors} format={file.format} />, 422);
    }
    const { report, status } = await importOnPage(() =>
      importMissions(c.var.deps, actor, { ...file, dryRun: !file.confirm }),
    );
    if (file.confirm && status === 200) {
      const q = `created=${report.created.length}&updated=${report.updated.length}&unchanged=${report.unchanged}`;
      return c.redirect(`${PATH}?done=imported&${q}`, 303);
    }
    return importPage(
      c,
      () => (
        <>
          <Report c={c} report={report} text={file.text} />
          {file.confirm ? null : (
            <>
              <h2>Check another file</h2>
              <UploadForm c={c} pasted={file.pasted} format={file.format} />
            </>
          )}
        </>
      ),
      status,
    );
  });
  return app;
}
