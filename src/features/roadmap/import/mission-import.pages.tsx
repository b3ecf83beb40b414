import { Hono } from "hono";
import { chosenFormat, type ImportError } from "../../../domain/import-report.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { personAllowedBy } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { ImportRejected } from "../../../kit/imports.js";
import {
  CsrfField,
  ErrorSummary,
  Notice,
  PageHeader,
  Select,
  TableScroll,
  TextArea,
} from "../../../web/components.js";
import { canImportMissions } from "../roadmap.policy.js";
import { type ImportReport, importMissions } from "./mission-import.service.js";

const PATH = "/private/missions/import";
// A report lists this many problems; more would make a page nobody reads. The API lists them all.
const SHOWN_ERRORS = 500;
const formats = [
  { value: "", label: "Recognise it (JSON starts with [ or {)" },
  { value: "csv", label: "CSV" },
  { value: "json", label: "JSON" },
];

const guard = personAllowedBy(
  canImportMissions,
  "Only focal points and the secretariat can import missions.",
);

/** The file from the form: an upload, pasted text, or the checked file carried to the confirmation. */
async function submittedFile(c: AppContext) {
  const body = await c.req.parseBody();
  const field = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
  const upload = body.file instanceof File && body.file.size > 0 ? await body.file.text() : "";
  const carried = field("payload") ? Buffer.from(field("payload"), "base64").toString("utf8") : "";
  const text = carried || upload || field("text");
  const format = chosenFormat(field("format"));
  return { text, format, confirm: field("step") === "import", pasted: upload ? "" : field("text") };
}

const UploadForm = (p: { c: AppContext; errors?: FieldErrors; pasted?: string; format?: string }) => (
  <form method="post" action={PATH} enctype="multipart/form-data" class="form" novalidate>
    <ErrorSummary errors={p.errors} />
    <CsrfField token={p.c.var.csrfToken()} />
    <div class="field">
      <label for="file">File</label>
      <p class="hint" id="file-hint">
        CSV or JSON as the roadmap's exports write them (up to 64 MB).
      </p>
      <input
        id="file"
        name="file"
        type="file"
        accept=".csv,.json,text/csv,application/json"
        aria-describedby="file-hint"
      />
    </div>
    <TextArea
      name="text"
      label="Or paste the file's content"
      value={p.pasted}
      errors={p.errors}
      rows={8}
      hint="The first line of a CSV names the columns: slug, name, lead, destination, status, launch, launch_precision, …"
    />
    <Select name="format" label="Format" value={p.format ?? ""} options={formats} />
    <p class="form-actions">
      <button class="button" type="submit">
        Check the file
      </button>
      <a href="/private/missions">Cancel</a>
    </p>
  </form>
);

const ErrorTable = ({ errors }: { errors: ImportError[] }) => (
  <>
    <TableScroll label="Problems found">
      <table>
        <caption>
          {errors.length} problem{errors.length === 1 ? "" : "s"}
          {errors.length > SHOWN_ERRORS ? ` (the first ${SHOWN_ERRORS} shown)` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
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
  </>
);

const count = (n: number, what: string) => `${n} mission${n === 1 ? "" : "s"} ${what}`;

/** The dry run's verdict: problems to fix, or what the import will do and a button to do it. */
function Report({ c, report, text }: { c: AppContext; report: ImportReport; text: string }) {
  const summary = [
    count(report.created.length, "to add"),
    count(report.updated.length, "to change"),
    count(report.unchanged, "already up to date"),
  ].join(", ");
  if (report.errors.length) {
    return (
      <section aria-labelledby="report">
        <h2 id="report">The file cannot be imported yet</h2>
        <p>
          {report.rows} record{report.rows === 1 ? "" : "s"} read. Nothing was changed: fix every problem
          below and check the file again.
        </p>
        <ErrorTable errors={report.errors} />
      </section>
    );
  }
  return (
    <section aria-labelledby="report">
      <h2 id="report">Ready to import</h2>
      <p>
        {report.rows} record{report.rows === 1 ? "" : "s"} read, no problems: {summary}. Missions not in the
        file are left as they are.
      </p>
      <form method="post" action={PATH} class="form">
        <CsrfField token={c.var.csrfToken()} />
        <input type="hidden" name="step" value="import" />
        <input type="hidden" name="format" value={report.format} />
        <input type="hidden" name="payload" value={Buffer.from(text, "utf8").toString("base64")} />
        <p class="form-actions">
          <button class="button" type="submit">
            Import {report.created.length + report.updated.length} missions
          </button>
          <a href={PATH}>Start again</a>
        </p>
      </form>
    </section>
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
    try {
      const report = await importMissions(c.var.deps, actor, { ...file, dryRun: !file.confirm });
      if (!file.confirm) {
        return importPage(
          c,
          () => (
            <>
              <Report c={c} report={report} text={file.text} />
              <h2>Check another file</h2>
              <UploadForm c={c} pasted={file.pasted} format={file.format} />
            </>
          ),
          report.errors.length ? 422 : 200,
        );
      }
      const q = `created=${report.created.length}&updated=${report.updated.length}&unchanged=${report.unchanged}`;
      return c.redirect(`${PATH}?done=imported&${q}`, 303);
    } catch (e) {
      if (!(e instanceof ImportRejected)) throw e;
      return importPage(c, () => <Report c={c} report={e.report} text={file.text} />, 422);
    }
  });
  return app;
}
