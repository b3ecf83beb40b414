import type { AppContext } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { idParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { ConfirmForm, PageHeader } from "../../../web/components.js";
import { serveStoredFile } from "../../publications/publications.download.export.js";
import { findAgendaFile } from "../agenda/agenda.queries.js";
import { loadManagedItem } from "../agenda/agenda.service.js";
import { loadMeetingForMember } from "../meeting.pages.js";
import { deleteAgendaFile } from "./files.service.js";

/** A file of the meeting's agenda, for any signed-in member; never cached by shared caches. */
async function agendaFile(c: AppContext) {
  const m = await loadMeetingForMember(c);
  const file = await findAgendaFile(c.var.deps.db, m.id, idParam(c.req.param("file")));
  if (!file) throw notFound("The file");
  return serveStoredFile(c, file, {
    disposition: file.type === "application/pdf" ? "inline" : "attachment",
    cacheControl: "private, no-cache",
  });
}

/** The file the address names, with its agenda item and meeting, for someone who manages the meeting's work. */
async function managedFile(c: AppContext) {
  const { m, item } = await loadManagedItem(
    c.var.deps,
    requirePerson(c),
    c.req.param("slug") ?? "",
    idParam(c.req.param("item")),
  );
  const file = item.files.find((f) => f.id === idParam(c.req.param("file")));
  if (!file) throw notFound("The file");
  return { m, item, file };
}

async function confirmFileRemoval(c: AppContext) {
  const { m, item, file } = await managedFile(c);
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
}

async function deleteConfirmedFile(c: AppContext) {
  const { m, item, file } = await managedFile(c);
  await deleteAgendaFile(c.var.deps, requirePerson(c), m.slug, file.id);
  return c.redirect(`/private/meetings/${m.slug}/agenda/${item.id}?done=file-removed`, 303);
}

/** Agenda files: downloads for signed-in members, removal after confirmation. */
export const agendaFilePages = pageGroup([
  ["GET", "/private/meetings/:slug/files/:file", agendaFile],
  ["GET", "/private/meetings/:slug/agenda/:item/files/:file/delete", confirmFileRemoval],
  ["POST", "/private/meetings/:slug/agenda/:item/files/:file/delete", deleteConfirmedFile],
]);
