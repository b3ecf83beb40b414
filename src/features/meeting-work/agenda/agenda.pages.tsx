import type { AppContext } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { idParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { handleUpload } from "../../../kit/uploads.js";
import { ConfirmForm, PageHeader } from "../../../web/components.js";
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
import type { AgendaFormValues } from "./views/agenda-form.js";
import { AgendaItemPage } from "./views/agenda-item.js";

/** An agenda item as its form shows it. */
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

/** The meeting the address names, for someone who manages its work (its group's chairs, the secretariat). */
const managedMeeting = (c: AppContext) =>
  loadManagedMeetingWork(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");
/** The agenda item the address names, with its meeting, for the same people. */
const managedItem = (c: AppContext) =>
  loadManagedItem(c.var.deps, requirePerson(c), c.req.param("slug") ?? "", idParam(c.req.param("item")));

type ItemForm = {
  item?: AgendaItem;
  values: AgendaFormValues;
  errors?: FieldErrors;
  message?: string;
  fileErrors?: FieldErrors;
};

async function itemPage(c: AppContext, m: MeetingDetail, form: ItemForm) {
  const [orgs, presenters] = await Promise.all([
    listOrganisations(c.var.deps.db),
    listPresenters(c.var.deps.db),
  ]);
  const title = form.item ? `Agenda item: ${form.item.title}` : `Add an agenda item: ${m.title}`;
  return renderPrivate(c, {
    title,
    body: () => (
      <AgendaItemPage
        title={title}
        m={m}
        notice={itemNotices[c.req.query("done") ?? ""]}
        csrf={c.var.csrfToken()}
        agencies={orgs.filter((o) => !o.leftOn)}
        presenters={presenters}
        {...form}
      />
    ),
  });
}

const newItemForm = async (c: AppContext) => itemPage(c, await managedMeeting(c), { values: {} });

async function submitNewItem(c: AppContext) {
  const m = await managedMeeting(c);
  return handleForm(
    c,
    async (body) => {
      const item = await createAgendaItem(c.var.deps, requirePerson(c), m.slug, body);
      return `/private/meetings/${m.slug}/agenda/${item.id}?done=added`;
    },
    (values, errors, message) => itemPage(c, m, { values, errors, message }),
  );
}

async function agendaItem(c: AppContext) {
  const { m, item } = await managedItem(c);
  return itemPage(c, m, { item, values: itemValues(item) });
}

async function saveItem(c: AppContext) {
  const { m, item } = await managedItem(c);
  return handleForm(
    c,
    async (body) => {
      await updateAgendaItem(c.var.deps, requirePerson(c), m.slug, item.id, body);
      return meetingUrl(m, "agenda");
    },
    (values, errors, message) => itemPage(c, m, { item, values, errors, message }),
  );
}

async function moveItem(c: AppContext) {
  const { m, item } = await managedItem(c);
  return handleForm(
    c,
    async (body) => {
      await moveAgendaItem(c.var.deps, requirePerson(c), m.slug, item.id, body);
      return meetingUrl(m, "agenda");
    },
    async (_values, _errors, message) => itemPage(c, m, { item, values: itemValues(item), message }),
  );
}

async function attachFile(c: AppContext) {
  const { m, item } = await managedItem(c);
  return handleUpload(
    c,
    async (_values, file) => {
      await createAgendaFile(c.var.deps, requirePerson(c), m.slug, item.id, file);
      return `/private/meetings/${m.slug}/agenda/${item.id}?done=file`;
    },
    (_values, errors, message) =>
      itemPage(c, m, { item, values: itemValues(item), fileErrors: errors, message }),
  );
}

async function confirmItemRemoval(c: AppContext) {
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
}

async function deleteConfirmedItem(c: AppContext) {
  const { m, item } = await managedItem(c);
  await deleteAgendaItem(c.var.deps, requirePerson(c), m.slug, item.id);
  return c.redirect(meetingUrl(m, "agenda-removed"), 303);
}

/** Managers' agenda pages: add, edit (with files), reorder and remove after confirmation. */
export const agendaPages = pageGroup([
  ["GET", "/private/meetings/:slug/agenda/new", newItemForm],
  ["POST", "/private/meetings/:slug/agenda/new", submitNewItem],
  ["GET", "/private/meetings/:slug/agenda/:item", agendaItem],
  ["POST", "/private/meetings/:slug/agenda/:item", saveItem],
  ["POST", "/private/meetings/:slug/agenda/:item/move", moveItem],
  ["POST", "/private/meetings/:slug/agenda/:item/files", attachFile],
  ["GET", "/private/meetings/:slug/agenda/:item/delete", confirmItemRemoval],
  ["POST", "/private/meetings/:slug/agenda/:item/delete", deleteConfirmedItem],
]);
