import type { Deps } from "../../deps.js";
import type { Person } from "../../http/actor.js";
import type { AppContext } from "../../http/env.js";
import { AppError, type FieldErrors, forbidden, notFound } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { buildReportDocument, outlookParts, type ReportDocument } from "./document/document.queries.js";
import { canEditReportPart } from "./reports.policy.js";
import { type AnnualReport, listTextRevisions, reportTexts } from "./reports.queries.js";
import { fixedParts, partLabels, reportPart } from "./reports.schemas.js";
import { mayEditPart, previewReportText, requireReport, saveReportText } from "./reports.service.js";
import { PartEditor } from "./views/part-editor.js";
import { reportWriter } from "./writers.pages.js";

/** A narrative part as the overview lists it. */
export type PartEntry = { part: string; label: string; editable: boolean; written: boolean };

/** The report's narrative parts in order, and which of them this person may edit. */
export async function partsOf(
  deps: Pick<Deps, "db">,
  report: AnnualReport,
  doc: ReportDocument,
  actor: Person,
  chaired: string[],
): Promise<PartEntry[]> {
  const saved = await reportTexts(deps.db, report.id);
  const outlooks = await outlookParts(deps.db, report, doc.data);
  return [
    ...fixedParts.map((p) => ({ part: p as string, label: partLabels[p], written: !!saved.get(p)?.body })),
    ...outlooks.map((o) => ({ part: o.part, label: `Outlook: ${o.title}`, written: o.body.trim() !== "" })),
  ].map((p) => ({ ...p, editable: canEditReportPart(actor, p.part, chaired) }));
}

async function editorPage(
  c: AppContext,
  report: AnnualReport,
  part: string,
  values: FormValues,
  extra: { errors?: FieldErrors; preview?: string; status?: 200 | 422 } = {},
) {
  const deps = c.var.deps;
  const doc = await buildReportDocument(deps, report);
  const saved = (await reportTexts(deps.db, report.id)).get(part);
  const revisions = saved ? await listTextRevisions(deps.db, saved.id) : [];
  const outlook =
    doc.outlooks.find((o) => o.part === part) ??
    (await outlookParts(deps.db, report, doc.data)).find((o) => o.part === part);
  const label = outlook ? `Outlook: ${outlook.title}` : partLabels[part as keyof typeof partLabels];
  const action = `/private/reports/${report.year}/parts/${part}/edit`;
  return renderPrivate(
    c,
    {
      title: `${label} – ${report.year} report`,
      body: () => (
        <PartEditor
          {...{ report, part, label, action, doc, revisions, values }}
          csrf={c.var.csrfToken()}
          errors={extra.errors}
          preview={extra.preview}
        />
      ),
    },
    extra.status ?? 200,
  );
}

/** The report and the part the address names, if this person may edit that part. */
async function editablePart(c: AppContext) {
  const actor = reportWriter(c);
  const year = Number(c.req.param("year"));
  const parsed = reportPart.safeParse(c.req.param("part"));
  if (!parsed.success) throw notFound("This part of the report");
  const report = await requireReport(c.var.deps.db, year);
  if (!(await mayEditPart(c.var.deps, actor, parsed.data))) {
    throw forbidden("Only the secretariat, or the group's chair for its outlook, edits this part.");
  }
  return { actor, report, part: parsed.data };
}

async function editPartForm(c: AppContext) {
  const { report, part } = await editablePart(c);
  const doc = await buildReportDocument(c.var.deps, report);
  const current =
    (await reportTexts(c.var.deps.db, report.id)).get(part)?.body ??
    doc.outlooks.find((o) => o.part === part)?.body ??
    "";
  return editorPage(c, report, part, { body: current });
}

/** Shows the preview the form asked for, or saves the text. */
async function previewOrSavePart(c: AppContext) {
  const { actor, report, part } = await editablePart(c);
  const body = await formBody(c);
  try {
    if (body.action === "preview") {
      const { body: text } = await previewReportText(c.var.deps, actor, part, body);
      return editorPage(c, report, part, body, { preview: text });
    }
    await saveReportText(c.var.deps, actor, report.year, part, body);
    return c.redirect(`/private/reports/${report.year}?done=saved`, 303);
  } catch (e) {
    if (e instanceof AppError && e.code === "validation_failed") {
      return editorPage(c, report, part, body, { errors: e.fields, status: 422 });
    }
    throw e;
  }
}

/** The editor of one narrative part, with a server-side preview, its revisions and the year's records. */
export const reportPartPages = pageGroup([
  ["GET", "/private/reports/:year{[0-9]+}/parts/:part/edit", editPartForm],
  ["POST", "/private/reports/:year{[0-9]+}/parts/:part/edit", previewOrSavePart],
]);
