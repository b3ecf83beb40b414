import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { idParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { ConfirmForm, PageHeader } from "../../../web/components.js";
import { serveStoredFile } from "../../publications/publications.download.export.js";
import { findAgendaFile } from "../agenda/agenda.queries.js";
import { loadManagedItem } from "../agenda/agenda.service.js";
import { loadMeetingForMember } from "../meeting.pages.js";
import { deleteAgendaFile } from "./files.service.js";

/** Agenda files: downloads for signed-in members (never cached by shared caches), removal after confirmation. */
export function agendaFilePages() {
  const app = new Hono<AppEnv>();

  const serve = async (c: AppContext) => {
    const m = await loadMeetingForMember(c);
    const file = await findAgendaFile(c.var.deps.db, m.id, idParam(c.req.param("file")));
    if (!file) throw notFound("The file");
    return serveStoredFile(c, file, {
      disposition: file.type === "application/pdf" ? "inline" : "attachment",
      cacheControl: "private, no-cache",
    });
  };
  app.get("/private/meetings/:slug/files/:file", serve);

  const loadFile = async (c: AppContext) => {
    const { m, item } = await loadManagedItem(
      c.var.deps,
      requirePerson(c),
      c.req.param("slug") ?? "",
      idParam(c.req.param("item")),
    );
    const file = item.files.find((f) => f.id === idParam(c.req.param("file")));
    if (!file) throw notFound("The file");
    return { m, item, file };
  };

  app.get("/private/meetings/:slug/agenda/:item/files/:file/delete", async (c) => {
    const { m, item, file } = await loadFile(c);
    const action = `/private/meetings/${m.slug}/agenda/${item.id}/files/${file.id}/delete`;
    return renderPrivate(c, {
      title: `Remove ${file.name}?`,
      body: () => (
        <>
          <PageHeader title={`Remove ${file.name}?`} lead={`From "${item.title}", ${m.title}.`} />
          <ConfirmForm
            action={action}
            csrf={c.var.csrfToken()}
            button="Remove the file"
            back={`/private/meetings/${m.slug}/agenda/${item.id}`}
          />
        </>
      ),
    });
  });

  app.post("/private/meetings/:slug/agenda/:item/files/:file/delete", async (c) => {
    const { m, item, file } = await loadFile(c);
    await deleteAgendaFile(c.var.deps, requirePerson(c), m.slug, file.id);
    return c.redirect(`/private/meetings/${m.slug}/agenda/${item.id}?done=file-removed`, 303);
  });

  return app;
}
