import type { AppContext } from "../../../http/env.js";
import { personAllowedBy } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { importForm, importOnPage } from "../../../kit/imports.js";
import { Notice, PageHeader } from "../../../web/components.js";
import { canImportMissions } from "../roadmap.policy.js";
import { importMissions } from "./mission-import.service.js";
import { count, PATH, Report, UploadForm } from "./views/mission-import.js";

const guard = personAllowedBy(
  canImportMissions,
  "Only focal points and the secretariat can import missions.",
);

/** The file from the form: an upload, pasted text, or the checked file carried to the confirmation. */
async function submittedFile(c: AppContext) {
  const { values, text, pasted, format } = await importForm(c, "text");
  return { text, format, confirm: values.step === "import", pasted };
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

function importMissionsForm(c: AppContext) {
  guard(c);
  const q = (k: string) => Number(c.req.query(k) ?? 0) || 0;
  const done = c.req.query("done")
    ? `Imported: ${count(q("created"), "added")}, ${count(q("updated"), "changed")}, ${count(q("unchanged"), "unchanged")}.`
    : undefined;
  return importPage(c, () => (
    <>
      <Notice text={done} />
      <UploadForm csrf={c.var.csrfToken()} />
    </>
  ));
}

/** Checks the file (a dry run), or imports it once the check was confirmed. */
async function checkOrImportMissions(c: AppContext) {
  const actor = guard(c);
  const file = await submittedFile(c);
  if (!file.text.trim()) {
    const errors = { text: "Choose a file or paste its content." };
    return importPage(
      c,
      () => <UploadForm csrf={c.var.csrfToken()} errors={errors} format={file.format} />,
      422,
    );
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
        <Report csrf={c.var.csrfToken()} report={report} text={file.text} />
        {file.confirm ? null : (
          <>
            <h2>Check another file</h2>
            <UploadForm csrf={c.var.csrfToken()} pasted={file.pasted} format={file.format} />
          </>
        )}
      </>
    ),
    status,
  );
}

/** The private page to check and import a missions file. */
export const missionImportPages = pageGroup([
  ["GET", PATH, importMissionsForm],
  ["POST", PATH, checkOrImportMissions],
]);
