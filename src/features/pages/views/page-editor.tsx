import { raw } from "hono/html";
import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, val } from "../../../kit/forms.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader, TextArea } from "../../../web/components.js";
import { renderMarkdown } from "../../../web/markdown.js";
import { type HistoryRow, RevisionHistory } from "../../../web/revisions.js";
import type { PageContent } from "../pages.service.js";

/** A content page's editor: a preview when asked for, the form, and the page's earlier versions. */
export function PageEditor(p: {
  title: string;
  action: string;
  restored: boolean;
  preview?: PageContent;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  csrf: string;
  history: { rows: HistoryRow[]; page: number; pages: number };
}) {
  const { preview, values, errors } = p;
  return (
    <>
      <PageHeader title={`Edit “${p.title}”`} />
      <Notice
        text={p.restored ? "The earlier version was restored and saved as the newest version." : undefined}
      />
      {preview ? (
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview (not saved yet)</h2>
          <div class="preview-frame">
            <p class="eyebrow">As visitors will see it</p>
            <p class="preview-heading">{preview.title}</p>
            {preview.summary ? <p class="lead">{preview.summary}</p> : null}
            <div class="prose">{raw(renderMarkdown(preview.body))}</div>
          </div>
        </section>
      ) : null}
      <form method="post" action={p.action} class="form" novalidate>
        <ErrorSummary errors={errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <Field name="title" label="Title" value={val(values, "title")} errors={errors} required />
        <Field
          name="summary"
          label="Summary"
          value={val(values, "summary")}
          errors={errors}
          hint="One sentence under the title, also used by search engines."
        />
        <TextArea
          name="body"
          label="Text"
          value={val(values, "body")}
          errors={errors}
          rows={18}
          required
          hint="Markdown: ## for headings, **bold**, [links](/publications), lists with “- ”. HTML is shown as text."
        />
        <p class="form-actions">
          <button class="button button-quiet" type="submit" name="action" value="preview">
            Preview
          </button>{" "}
          <button class="button" type="submit" name="action" value="save">
            Save page
          </button>{" "}
          <a href="/private/pages">Cancel</a>
        </p>
      </form>
      <h2>Earlier versions</h2>
      <RevisionHistory
        {...p.history}
        href={(n) => `${p.action}?page=${n}`}
        empty="No edits yet: the page is as the dataset shipped it."
      />
    </>
  );
}
