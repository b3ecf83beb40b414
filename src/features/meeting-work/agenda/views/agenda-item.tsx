import type { FieldErrors } from "../../../../http/errors.js";
import { CsrfField, ErrorSummary, FileField, Notice, PageHeader } from "../../../../web/components.js";
import type { MeetingDetail } from "../../../meetings/meetings.queries.js";
import type { AgendaItem } from "../agenda.queries.js";
import { fileHref } from "./agenda.js";
import { AgendaForm, type AgendaFormValues } from "./agenda-form.js";

/** An agenda item's page: the form that adds or edits it and, for a saved item, its files. */
export function AgendaItemPage(p: {
  title: string;
  m: MeetingDetail;
  item?: AgendaItem;
  notice: string | undefined;
  csrf: string;
  agencies: Array<{ acronym: string; name: string }>;
  presenters: Array<{ id: number; name: string; agency: string | null }>;
  values: AgendaFormValues;
  errors?: FieldErrors;
  message?: string;
  /** Problems with an uploaded file; the message then belongs to the files' form. */
  fileErrors?: FieldErrors;
}) {
  const { m, item } = p;
  return (
    <>
      <PageHeader title={p.title} lead={m.title} />
      <Notice text={p.notice} />
      <AgendaForm
        action={
          item ? `/private/meetings/${m.slug}/agenda/${item.id}` : `/private/meetings/${m.slug}/agenda/new`
        }
        cancel={`/private/meetings/${m.slug}#agenda`}
        csrf={p.csrf}
        submit={item ? "Save item" : "Add item"}
        values={p.values}
        errors={p.errors}
        message={p.message}
        agencies={p.agencies}
        presenters={p.presenters}
      />
      {item ? (
        <FilesForm
          csrf={p.csrf}
          m={m}
          item={item}
          errors={p.fileErrors}
          message={p.fileErrors ? p.message : undefined}
        />
      ) : null}
    </>
  );
}

/** An agenda item's files, each to remove, and the form that attaches another. */
function FilesForm(p: {
  csrf: string;
  m: MeetingDetail;
  item: AgendaItem;
  errors?: FieldErrors;
  message?: string;
}) {
  const base = `/private/meetings/${p.m.slug}/agenda/${p.item.id}`;
  return (
    <section class="section" aria-labelledby="files">
      <h2 id="files">Files</h2>
      {p.item.files.length ? (
        <ul>
          {p.item.files.map((f) => (
            <li>
              <a href={fileHref(p.m.slug, f)}>{f.name}</a> ·{" "}
              <a href={`${base}/files/${f.id}/delete`}>
                Remove<span class="visually-hidden"> {f.name}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No files yet.</p>
      )}
      <form method="post" action={`${base}/files`} enctype="multipart/form-data" class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <FileField
          name="file"
          label="Presentation or document"
          hint="PDF, PowerPoint (.pptx, .ppt) or OpenDocument (.odp), at most 50 MB. Members only; never public."
          accept=".pdf,.pptx,.ppt,.odp"
          errors={p.errors}
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Upload
          </button>
        </p>
      </form>
    </section>
  );
}
