import type { AppContext } from "../../../http/env.js";
import { authorize, personAllowedBy, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { importForm, importOnPage } from "../../../kit/imports.js";
import { canReadCapabilities } from "../technology.policy.js";
import { canImportKind, importTechnologyFile } from "./import.service.js";
import { type ImportKind, importKinds } from "./read.import.js";
import { exportRecords, recordsCsv } from "./records.export.js";
import { type DataPageState, kindLabels, TechnologyDataPage } from "./views/data-page.js";

const BASE = "/private/technology/data";

const reader = personAllowedBy(canReadCapabilities);

function dataPage(c: AppContext, state: DataPageState, status: 200 | 422 = 200) {
  const actor = requirePerson(c);
  const kinds = importKinds
    .filter((k) => canImportKind(actor, k))
    .map((k) => ({ value: k, label: kindLabels[k] }));
  return renderPrivate(
    c,
    {
      title: "Technology import and export",
      body: () => <TechnologyDataPage state={state} kinds={kinds} csrf={c.var.csrfToken()} />,
    },
    status,
  );
}

function technologyData(c: AppContext) {
  reader(c);
  return dataPage(c, { values: {} });
}

async function exportFile(c: AppContext) {
  reader(c);
  const [kind, ext] = (c.req.param("file") ?? "").split(".") as [ImportKind, "csv" | "json"];
  const records = await exportRecords(c.var.deps.db, kind);
  c.header("Content-Disposition", `attachment; filename="${kind}.${ext}"`);
  c.header("Cache-Control", "private, no-store");
  if (ext === "json") return c.json(records);
  return c.body(recordsCsv(kind, records), 200, { "Content-Type": "text/csv; charset=utf-8" });
}

/** Checks the file (a dry run) or imports it, and shows what was found on the same page. */
async function importFile(c: AppContext) {
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
}

/** Export links and the import (dry run, then confirm) of the Critical Technology List's records. */
export const technologyDataPages = pageGroup([
  ["GET", BASE, technologyData],
  ["GET", `${BASE}/:file{(technologies|capabilities|needs)\\.(csv|json)}`, exportFile],
  ["POST", BASE, importFile],
]);
