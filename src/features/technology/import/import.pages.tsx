import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { authorize, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { importForm, importOnPage } from "../../../kit/imports.js";
import { PageHeader } from "../../../web/components.js";
import { canReadCapabilities } from "../technology.policy.js";
import { canImportKind, importTechnologyFile, type TechnologyImportReport } from "./import.service.js";
import { type ImportKind, importKinds } from "./read.import.js";
import { exportRecords, recordsCsv } from "./records.export.js";
import { ConfirmImport, ImportForm, ImportReportView } from "./views/import-report.js";

const BASE = "/private/technology/data";
const labels: Record<ImportKind, string> = {
  technologies: "Technologies (the list)",
  capabilities: "Capabilities",
  needs: "Needs",
};

type PageState = {
  values: Record<string, string>;
  report?: TechnologyImportReport;
  errors?: Record<string, string>;
};

function dataPage(c: AppContext, state: PageState, status: 200 | 422 = 200) {
  const actor = requirePerson(c);
  const kinds = importKinds
    .filter((k) => canImportKind(actor, k))
    .map((k) => ({ value: k, label: labels[k] }));
  return renderPrivate(
    c,
    {
      title: "Technology import and export",
      body: () => (
        <>
          <PageHeader
            eyebrow="Critical Technology List"
            title="Import and export"
            lead="The list, the agencies' capabilities and the needs as CSV or JSON. Exports hold the agencies' records only, never the demonstration data."
          />
          <h2>Export</h2>
          <ul>
            {importKinds.map((k) => (
              <li>
                {labels[k]}: <a href={`${BASE}/${k}.csv`}>CSV</a> · <a href={`${BASE}/${k}.json`}>JSON</a>
              </li>
            ))}
          </ul>
          <h2>Import</h2>
          {kinds.length === 0 ? (
            <p class="muted">
              Focal points, chairs and the secretariat import records; your role reads them.
            </p>
          ) : (
            <>
              <p>
                Records are matched by code (technologies), by agency and technology (capabilities) or by id
                (needs; without an id a need is added). Nothing is deleted. Check the file first: the dry run
                lists every problem by line and field, and the import is all or nothing.
              </p>
              {state.report ? (
                <ImportReportView report={state.report}>
                  <ConfirmImport
                    csrf={c.var.csrfToken()}
                    text={state.values.content ?? ""}
                    report={state.report}
                  />
                </ImportReportView>
              ) : null}
              <ImportForm
                csrf={c.var.csrfToken()}
                kinds={kinds}
                values={state.values}
                errors={state.errors}
              />
            </>
          )}
        </>
      ),
    },
    status,
  );
}

/** Export links and the import (dry run, then confirm) of the Critical Technology List's records. */
export function technologyDataPages() {
  const app = new Hono<AppEnv>();

  app.get(BASE, (c) => {
    authorize(canReadCapabilities(requirePerson(c)));
    return dataPage(c, { values: {} });
  });

  app.get(`${BASE}/:file{(technologies|capabilities|needs)\\.(csv|json)}`, async (c) => {
    authorize(canReadCapabilities(requirePerson(c)));
    const [kind, ext] = c.req.param("file").split(".") as [ImportKind, "csv" | "json"];
    const records = await exportRecords(c.var.deps.db, kind);
    c.header("Content-Disposition", `attachment; filename="${kind}.${ext}"`);
    c.header("Cache-Control", "private, no-store");
    if (ext === "json") return c.json(records);
    return c.body(recordsCsv(kind, records), 200, { "Content-Type": "text/csv; charset=utf-8" });
  });

  app.post(BASE, async (c) => {
    const actor = requirePerson(c);
    const { values, text: content, format } = await importForm(c, "content");
    const kind = values.kind as ImportKind;
    if (!importKinds.includes(kind))
      return dataPage(c, { values, errors: { kind: "Choose what the file holds." } }, 422);
    authorize(canImportKind(actor, kind), `You are not allowed to import ${kind}.`);
    const state = { values: { ...values, content } };
    if (!content.trim())
      return dataPage(c, { ...state, errors: { content: "Choose a file or paste its content." } }, 422);
    const { report, status } = await importOnPage(() =>
      importTechnologyFile(c.var.deps, actor, kind, {
        text: content,
        format,
        dryRun: values.action !== "import",
      }),
    );
    return dataPage(c, { ...state, report }, status);
  });
  return app;
}
