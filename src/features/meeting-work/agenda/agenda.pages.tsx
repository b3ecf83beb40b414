import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { idParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { handleUpload } from "../../../kit/uploads.js";
import { ConfirmForm, CsrfField, ErrorSummary, Notice, PageHeader } from "../../../web/components.js";
import { plural } from "../../../web/words.js";
import { listOrganisations } from "../../directory/directory.queries.js";
import type { MeetingDetail } from "../../meetings/meetings.queries.js";
import { createAgendaFile } from "../files/files.service.js";
import { loadManagedMeetingWork } from "../meeting-work.service.js";
import { type AgendaItem, listPresenters } from "./agenda.queries.js";
import {
  createAgendaItem,
  deleteAgendaItem,
  loadManagedItem,
  moveAgendaItem,
  updateAgendaItem,
} from "./agenda.service.js";
import { fileHref } from "./views/agenda.js";
import { AgendaForm, type AgendaFormValues } from "./views/agenda-form.js";

const itemValues = (i: AgendaItem): AgendaFormValues => ({
  title: i.title,
  startTime: i.startTime ?? "",
  durationMinutes: i.durationMinutes ? String(i.durationMinutes) : "",
  presenterAgency: i.presenterAgency ?? "",
  presenterPerson: i.presenterPersonId ? String(i.presenterPersonId) : "",
  notes: i.notes,
});

const itemNotices: Record<string, string> = {
  added: "The item was added to the agenda. You can attach files below.",
  file: "The file was attached.",
  "file-removed": "The file was removed.",
};

const meetingUrl = (m: { slug: string }, done: string) => `/private/meetings/${m.slug}?done=${done}#agenda`;

function FilesForm(p: {
  c: AppContext;
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
        <CsrfField token={p.c.var.csrfToken()} />
        <div class={p.errors?.file ? "field has-error" : "field"}>
          <label for="f-file">Presentation or document</label>
          <p class="hint" id="f-file-hint">
            PDF, PowerPoint (.pptx, .ppt) or OpenDocument (.odp), at most 50 MB. Members only; never public.
          </p>
          {p.errors?.file ? (
            <p class="field-error" id="f-file-error">
              {p.errors.file}
            </p>
          ) : null}
          <input
            id="f-file"
            name="file"
            type="file"
            accept=".pdf,.pptx,.ppt,.odp"
            aria-describedby={p.errors?.file ? "f-file-hint f-file-error" : "f-file-hint"}
          />
        </div>
        <p class="form-actions">
          <button class="button" type="submit">
            Upload
          </button>
        </p>
      </form>
    </section>
  );
}

async function formPage(
  c: AppContext,
  m: MeetingDetail,
  p: {
    item?: AgendaItem;
    values: AgendaFormValues;
    errors?: FieldErrors;
    message?: string;
    fileErrors?: FieldErrors;
  },
) {
  const [orgs, presenters] = await Promise.all([
    listOrganisations(c.var.deps.db),
    listPresenters(c.var.deps.db),
  ]);
  const title = p.item ? `Agenda item: ${p.item.title}` : `Add an agenda item: ${m.title}`;
  return renderPrivate(c, {
    title,
    body: () => (
      <>
        <PageHeader title={title} lead={m.title} />
        <Notice text={itemNotices[c.req.query("done") ?? ""]} />
        <AgendaForm
          action={
            p.item
              ? `/private/meetings/${m.slug}/agenda/${p.item.id}`
              : `/private/meetings/${m.slug}/agenda/new`
          }
          cancel={`/private/meetings/${m.slug}#agenda`}
          csrf={c.var.csrfToken()}
          submit={p.item ? "Save item" : "Add item"}
          values={p.values}
          errors={p.errors}
          message={p.message}
          agencies={orgs.filter((o) => !o.leftOn)}
          presenters={presenters}
        />
        {p.item ? (
          <FilesForm
            c={c}
            m={m}
            item={p.item}
            errors={p.fileErrors}
            message={p.fileErrors ? p.message : undefined}
          />
        ) : null}
      </>
    ),
  });
}

/** Managers' agenda pages: add, edit (with files), reorder and remove after confirmation. */
export function agendaPages() {
  const app = new Hono<AppEnv>();
  const managed = (c: AppContext) =>
    loadManagedMeetingWork(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");
  const managedItem = (c: AppContext) =>
    loadManagedItem(c.var.deps, requirePerson(c), c.req.param("slug") ?? "", idParam(c.req.param("item")));

  app.get("/private/meetings/:slug/agenda/new", async (c) => formPage(c, await managed(c), { values: {} }));

  app.post("/private/meetings/:slug/agenda/new", async (c) => {
    const m = await managed(c);
    return handleForm(
      c,
      async (body) => {
        const item = await createAgendaItem(c.var.deps, requirePerson(c), m.slug, body);
        return `/private/meetings/${m.slug}/agenda/${item.id}?done=added`;
      },
      (values, errors, message) => formPage(c, m, { values, errors, message }),
    );
  });

  app.get("/private/meetings/:slug/agenda/:item", async (c) => {
    const { m, item } = await managedItem(c);
    return formPage(c, m, { item, values: itemValues(item) });
  });

  app.post("/private/meetings/:slug/agenda/:item", async (c) => {
    const { m, item } = await managedItem(c);
    return handleForm(
      c,
      async (body) => {
        await updateAgendaItem(c.var.deps, requirePerson(c), m.slug, item.id, body);
        return meetingUrl(m, "agenda");
      },
      (values, errors, message) => formPage(c, m, { item, values, errors, message }),
    );
  });

  app.post("/private/meetings/:slug/agenda/:item/move", async (c) => {
    const { m, item } = await managedItem(c);
    return handleForm(
      c,
      async (body) => {
        await moveAgendaItem(c.var.deps, requirePerson(c), m.slug, item.id, body);
        return meetingUrl(m, "agenda");
      },
      async (_values, _errors, message) => formPage(c, m, { item, values: itemValues(item), message }),
    );
  });

  app.post("/private/meetings/:slug/agenda/:item/files", async (c) => {
    const { m, item } = await managedItem(c);
    return handleUpload(
      c,
      async (_values, file) => {
        await createAgendaFile(c.var.deps, requirePerson(c), m.slug, item.id, file);
        return `/private/meetings/${m.slug}/agenda/${item.id}?done=file`;
      },
      (_values, errors, message) =>
        formPage(c, m, { item, values: itemValues(item), fileErrors: errors, message }),
    );
  });

  app.get("/private/meetings/:slug/agenda/:item/delete", async (c) => {
    const { m, item } = await managedItem(c);
    return renderPrivate(c, {
      title: `Remove ${item.title}?`,
      body: () => (
        <>
          <PageHeader
            title={`Remove "${item.title}" from the agenda?`}
            lead={`${m.title}. ${item.files.length === 1 ? "Its file is" : `Its ${plural(item.files.length, "file")} are`} removed from the item too.`}
          />
          <ConfirmForm
            action={`/private/meetings/${m.slug}/agenda/${item.id}/delete`}
            csrf={c.var.csrfToken()}
            button="Remove the item"
            back={`/private/meetings/${m.slug}#agenda`}
          />
        </>
      ),
    });
  });

  app.post("/private/meetings/:slug/agenda/:item/delete", async (c) => {
    const { m, item } = await managedItem(c);
    await deleteAgendaItem(c.var.deps, requirePerson(c), m.slug, item.id);
    return c.redirect(meetingUrl(m, "agenda-removed"), 303);
  });

  return app;
}
