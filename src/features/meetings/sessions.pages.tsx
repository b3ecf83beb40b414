import { dayRange, sessionsByDay, sessionTimeRange } from "../../domain/meeting-sessions.js";
import { instantToZoned } from "../../domain/time-zones.js";
import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import type { MeetingDetail } from "./meetings.queries.js";
import { loadManagedMeeting } from "./meetings.service.js";
import type { MeetingSession } from "./sessions.queries.js";
import {
  createMeetingSession,
  deleteSession,
  loadManagedSession,
  updateSession,
} from "./sessions.service.js";
import { meetingWhen } from "./views/meeting.js";
import { SessionForm } from "./views/session-form.js";

/** A session as its form shows it, its times in the meeting's time zone. */
const sessionValues = (s: MeetingSession, timeZone: string): FormValues => ({
  title: s.title,
  start: instantToZoned(s.startsAt, timeZone),
  end: instantToZoned(s.endsAt, timeZone),
  timeZone,
  place: s.place ?? "",
  description: s.description,
});

const programmeUrl = (m: { slug: string }, done: string) =>
  `/private/meetings/${m.slug}?done=${done}#programme`;

/** The add or edit form of a session, within the meeting's days. */
function formPage(
  c: AppContext,
  m: MeetingDetail,
  p: { session?: MeetingSession; values: FormValues; errors?: FieldErrors; message?: string },
) {
  const title = p.session ? `Session: ${p.session.title}` : "Add a session";
  const base = `/private/meetings/${m.slug}/sessions`;
  return renderPrivate(c, {
    title: `${title} · ${m.title}`,
    body: () => (
      <>
        <p class="breadcrumb">
          <a href={`/private/meetings/${m.slug}#programme`}>← {m.title}</a>
        </p>
        <PageHeader title={title} lead={`${m.title}, ${meetingWhen(m)}`} />
        <SessionForm
          action={p.session ? `${base}/${p.session.id}` : `${base}/new`}
          cancel={`/private/meetings/${m.slug}#programme`}
          csrf={c.var.csrfToken()}
          submit={p.session ? "Save session" : "Add session"}
          values={p.values}
          errors={p.errors}
          message={p.message}
          meetingZone={m.timeZone}
          meetingDays={dayRange(m)}
        />
      </>
    ),
  });
}

/** The meeting the address names, for someone who may plan its programme. */
const managedMeeting = (c: AppContext) =>
  loadManagedMeeting(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");
/** The session the address names, with its meeting, for the same people. */
const managedSession = (c: AppContext) =>
  loadManagedSession(
    c.var.deps,
    requirePerson(c),
    c.req.param("slug") ?? "",
    idParam(c.req.param("session")),
  );

/** The form for a new session, from 9 to 12 on the meeting's first day. */
async function newSessionForm(c: AppContext) {
  const m = await managedMeeting(c);
  const day = instantToZoned(m.startsAt, m.timeZone).slice(0, 10);
  return formPage(c, m, { values: { start: `${day}T09:00`, end: `${day}T12:00`, timeZone: m.timeZone } });
}

async function submitNewSession(c: AppContext) {
  const m = await managedMeeting(c);
  return handleForm(
    c,
    async (body) => {
      await createMeetingSession(c.var.deps, requirePerson(c), m.slug, body);
      return programmeUrl(m, "session-added");
    },
    async (values, errors, message) => formPage(c, m, { values, errors, message }),
  );
}

async function sessionForm(c: AppContext) {
  const { m, session } = await managedSession(c);
  return formPage(c, m, { session, values: sessionValues(session, m.timeZone) });
}

async function saveSession(c: AppContext) {
  const { m, session } = await managedSession(c);
  return handleForm(
    c,
    async (body) => {
      await updateSession(c.var.deps, requirePerson(c), m.slug, session.id, body);
      return programmeUrl(m, "session-saved");
    },
    async (values, errors, message) => formPage(c, m, { session, values, errors, message }),
  );
}

async function confirmSessionRemoval(c: AppContext) {
  const { m, session } = await managedSession(c);
  return renderPrivate(c, {
    title: `Remove ${session.title}?`,
    body: () => (
      <>
        <PageHeader
          title={`Remove the session "${session.title}"?`}
          lead={`${m.title}: ${sessionsByDay([session], m.timeZone)[0]!.label}, ${sessionTimeRange(session, m.timeZone)}. It leaves the programme and the calendar files.`}
        />
        <ConfirmForm
          action={`/private/meetings/${m.slug}/sessions/${session.id}/delete`}
          csrf={c.var.csrfToken()}
          button="Remove the session"
          back={`/private/meetings/${m.slug}#programme`}
        />
      </>
    ),
  });
}

async function deleteConfirmedSession(c: AppContext) {
  const { m, session } = await managedSession(c);
  await deleteSession(c.var.deps, requirePerson(c), m.slug, session.id);
  return c.redirect(programmeUrl(m, "session-removed"), 303);
}

/** The programme's pages for the secretariat (and a group's chair): add, edit, remove after confirmation. */
export const meetingSessionPages = pageGroup([
  ["GET", "/private/meetings/:slug/sessions/new", newSessionForm],
  ["POST", "/private/meetings/:slug/sessions/new", submitNewSession],
  ["GET", "/private/meetings/:slug/sessions/:session", sessionForm],
  ["POST", "/private/meetings/:slug/sessions/:session", saveSession],
  ["GET", "/private/meetings/:slug/sessions/:session/delete", confirmSessionRemoval],
  ["POST", "/private/meetings/:slug/sessions/:session/delete", deleteConfirmedSession],
]);
