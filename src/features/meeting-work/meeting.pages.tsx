import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { findMeetingBySlug, type MeetingDetail } from "../meetings/meetings.queries.js";
import { listSessions } from "../meetings/sessions.queries.js";
import { listAgenda } from "./agenda/agenda.queries.js";
import { listDecisions } from "./decisions/decisions.queries.js";
import { canManageMeetingWork, canRegister } from "./meeting-work.policy.js";
import { listMinutes } from "./minutes/minutes.queries.js";
import { minutesStatus } from "./minutes/minutes.service.js";
import { listRegistrations } from "./registrations/registrations.queries.js";
import { MeetingWorkPage } from "./views/meeting-work.js";

const notices: Record<string, string> = {
  registered: "You are registered.",
  cancelled: "Your registration was cancelled.",
  attended: "Attendance was saved.",
  agenda: "The agenda was saved.",
  "agenda-removed": "The agenda item was removed.",
  "session-added": "The session was added to the programme.",
  "session-saved": "The session was saved.",
  "session-removed": "The session was removed from the programme.",
  file: "The file was attached.",
  "file-removed": "The file was removed.",
  decision: "The decision was saved.",
  minutes: "A new version of the minutes was saved.",
  approved: "The approval of the minutes was recorded.",
};

/** The meeting a signed-in person asked for, or not found. */
export async function loadMeetingForMember(c: AppContext): Promise<MeetingDetail> {
  requirePerson(c);
  const m = await findMeetingBySlug(c.var.deps.db, c.req.param("slug") ?? "");
  if (!m) throw notFound("This meeting");
  return m;
}

async function meetingWork(c: AppContext) {
  const actor = requirePerson(c);
  const m = await loadMeetingForMember(c);
  const deps = c.var.deps;
  const [sessions, registrations, agenda, decisions, minutes] = await Promise.all([
    listSessions(deps.db, m.id),
    listRegistrations(deps.db, m.id),
    listAgenda(deps.db, m.id),
    listDecisions(deps, m.id),
    listMinutes(deps.db, m.id),
  ]);
  const csrf = c.var.csrfToken();
  return renderPrivate(c, {
    title: m.title,
    body: () => (
      <MeetingWorkPage
        m={m}
        notice={notices[c.req.query("done") ?? ""]}
        manage={canManageMeetingWork(actor, m)}
        csrf={csrf}
        {...{ sessions, registrations, agenda, decisions }}
        mine={registrations.find((r) => r.personId === actor.id)}
        registrationOpen={canRegister(actor, m, deps.now())}
        minutes={{ status: minutesStatus(minutes), count: minutes.length }}
      />
    ),
  });
}

/** The private meeting page: details with the video link, registration, attendance, agenda, decisions, minutes. */
export const meetingWorkPage = pageGroup([["GET", "/private/meetings/:slug", meetingWork]]);
