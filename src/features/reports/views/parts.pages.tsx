import { Hono } from "hono";
import { raw } from "hono/html";
import type { Deps } from "../../../deps.js";
import type { Person } from "../../../http/actor.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { AppError, type FieldErrors, forbidden, notFound } from "../../../http/errors.js";
import { formBody } from "../../../http/forms.js";
import { renderPrivate } from "../../../http/page.js";
import { type FormValues, val } from "../../../kit/forms.js";
import { CsrfField, ErrorSummary, PageHeader, TextArea } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { renderMarkdown } from "../../../web/markdown.js";
import { buildReportDocument, outlookParts, type ReportDocument } from "../document/document.queries.js";
import { longDate, yearFigures } from "../document/outline.export.js";
import { canEditReportPart } from "../reports.policy.js";
import { type AnnualReport, listTextRevisions, reportTexts } from "../reports.queries.js";
import { fixedParts, partLabels, reportPart } from "../reports.schemas.js";
import { mayEditPart, previewReportText, requireReport, saveReportText } from "../reports.service.js";

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

/** One kind of the year's records as links, or "None." so that an empty heading does not look broken. */
function RecordList({
  title,
  items,
}: {
  title: string;
  items: Array<{ href: string; title: string; note?: string }>;
}) {
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul>
          {items.map((r) => (
            <li>
              <a href={r.href}>{r.title}</a>
              {r.note ? ` · ${r.note}` : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The year's records beside the editor: what the part can draw on, each linked to its source. */
function Records({ doc, part }: { doc: ReportDocument; part: string }) {
  const d = doc.data;
  const slug = part.startsWith("outlook:") ? part.slice(8) : null;
  const group = slug ? [...d.workingGroups, ...d.teams].find((g) => g.slug === slug) : undefined;
  return (
    <aside class="card records" aria-labelledby="records-title">
      <h2 id="records-title">The year's records</h2>
      {group ? (
        <p>
          <a href={group.href}>{group.title}</a>: charter, chairs, members and workplan.
        </p>
      ) : null}
      <h3>Figures</h3>
      <ul>
        {yearFigures(doc).map((f) => (
          <li>
            <a href={f.href}>{f.text}</a>
          </li>
        ))}
      </ul>
      <RecordList title="Meetings" items={d.meetings.map((m) => ({ ...m, note: longDate(m.date) }))} />
      <RecordList title="News and publications" items={[...d.news, ...d.publications]} />
      <RecordList title="Assessments published" items={d.assessments} />
    </aside>
  );
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
        <>
          <PageHeader
            title={`${label}`}
            lead={`Annual Report ${report.year}. Markdown; every saved version is kept.`}
          />
          <div class="split">
            <div>
              {extra.preview !== undefined ? (
                <section class="preview" aria-labelledby="preview-title">
                  <h2 id="preview-title">Preview (not saved yet)</h2>
                  <div class="preview-frame prose">{raw(renderMarkdown(extra.preview))}</div>
                </section>
              ) : null}
              <form method="post" action={action} class="form" novalidate>
                <ErrorSummary errors={extra.errors} />
                <CsrfField token={c.var.csrfToken()} />
                <TextArea
                  name="body"
                  label="Text"
                  value={val(values, "body")}
                  errors={extra.errors}
                  rows={18}
                  hint="Markdown: ### for headings, **bold**, lists with “- ”. Leave empty to leave the part out."
                />
                <p class="form-actions">
                  <button class="button button-quiet" type="submit" name="action" value="preview">
                    Preview
                  </button>{" "}
                  <button class="button" type="submit" name="action" value="save">
                    Save draft text
                  </button>{" "}
                  <a href={`/private/reports/${report.year}`}>Cancel</a>
                </p>
              </form>
              <h2>Earlier versions</h2>
              {revisions.length === 0 ? (
                <p class="muted">Not saved yet.</p>
              ) : (
                <ol class="revisions">
                  {revisions.map((r, i) => (
                    <li>
                      <details>
                        <summary>
                          {formatTimestamp(r.createdAt)} · {r.authorName}
                          {i === 0 ? " (current)" : null}
                        </summary>
                        <pre class="revision-body">{r.body}</pre>
                      </details>
                    </li>
                  ))}
                </ol>
              )}
            </div>
            <Records doc={doc} part={part} />
          </div>
        </>
      ),
    },
    extra.status ?? 200,
  );
}

/** The editor of one narrative part, with a server-side preview, its revisions and the year's records. */
export function partEditorRoutes(guard: (c: AppContext) => Person) {
  const app = new Hono<AppEnv>();
  const load = async (c: AppContext) => {
    const actor = guard(c);
    const year = Number(c.req.param("year"));
    const parsed = reportPart.safeParse(c.req.param("part"));
    if (!parsed.success) throw notFound("This part of the report");
    const report = await requireReport(c.var.deps.db, year);
    if (!(await mayEditPart(c.var.deps, actor, parsed.data))) {
      throw forbidden("Only the secretariat, or the group's chair for its outlook, edits this part.");
    }
    return { actor, report, part: parsed.data };
  };
  app.get("/private/reports/:year{[0-9]+}/parts/:part/edit", async (c) => {
    const { report, part } = await load(c);
    const doc = await buildReportDocument(c.var.deps, report);
    const current =
      (await reportTexts(c.var.deps.db, report.id)).get(part)?.body ??
      doc.outlooks.find((o) => o.part === part)?.body ??
      "";
    return editorPage(c, report, part, { body: current });
  });
  app.post("/private/reports/:year{[0-9]+}/parts/:part/edit", async (c) => {
    const { actor, report, part } = await load(c);
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
  });
  return app;
}
