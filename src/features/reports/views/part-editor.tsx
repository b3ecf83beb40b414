import { raw } from "hono/html";
import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, val } from "../../../kit/forms.js";
import { CsrfField, ErrorSummary, PageHeader, TextArea } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { renderMarkdown } from "../../../web/markdown.js";
import type { ReportDocument } from "../document/document.queries.js";
import { longDate, yearFigures } from "../document/outline.export.js";
import type { AnnualReport, listTextRevisions } from "../reports.queries.js";

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

/** The editor of one part: the preview, the form, the earlier versions, and the year's records beside. */
export function PartEditor(p: {
  report: AnnualReport;
  part: string;
  label: string;
  action: string;
  doc: ReportDocument;
  revisions: Awaited<ReturnType<typeof listTextRevisions>>;
  values: FormValues;
  csrf: string;
  errors?: FieldErrors;
  preview?: string;
}) {
  const { report, part, label, action, doc, revisions, values } = p;
  return (
    <>
      <PageHeader
        title={`${label}`}
        lead={`Annual Report ${report.year}. Markdown; every saved version is kept.`}
      />
      <div class="split">
        <div>
          {p.preview !== undefined ? (
            <section class="preview" aria-labelledby="preview-title">
              <h2 id="preview-title">Preview (not saved yet)</h2>
              <div class="preview-frame prose">{raw(renderMarkdown(p.preview))}</div>
            </section>
          ) : null}
          <form method="post" action={action} class="form" novalidate>
            <ErrorSummary errors={p.errors} />
            <CsrfField token={p.csrf} />
            <TextArea
              name="body"
              label="Text"
              value={val(values, "body")}
              errors={p.errors}
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
  );
}
