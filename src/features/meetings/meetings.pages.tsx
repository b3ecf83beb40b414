import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { pageParam } from "../../http/guards.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { meetingsCalendar } from "./meetings.calendar.export.js";
import { canManageMeeting, canSeeMeeting, canSeeVideoLink } from "./meetings.policy.js";
import {
  findMeetingBySlug,
  listAllMeetings,
  listPastMeetings,
  listUpcomingMeetings,
} from "./meetings.queries.js";
import { meetingKindLabels } from "./meetings.schemas.js";
import { listSessions, sessionsByMeeting } from "./sessions.queries.js";
import { meetingWhen } from "./views/meeting.js";
import { PublicMeeting } from "./views/public-meeting.js";
import { PublicMeetings } from "./views/public-meetings.js";

export const MEETINGS_PER_PAGE = 10;
const ICS_TYPE = "text/calendar; charset=utf-8";

async function meetingIcs(c: AppContext, slug: string) {
  const m = await findMeetingBySlug(c.var.deps.db, slug);
  if (!m || !canSeeMeeting(c.var.actor, m)) throw notFound("This meeting");
  if (m.precision === "month" || m.precision === "year")
    throw notFound("A calendar entry for this meeting (its days are not known)");
  const sessions = new Map([[m.id, await listSessions(c.var.deps.db, m.id)]]);
  return c.body(meetingsCalendar(m.title, [m], c.var.deps.config.baseUrl, sessions), 200, {
    "Content-Type": ICS_TYPE,
    "Content-Disposition": `attachment; filename="${m.slug}.ics"`,
  });
}

async function meetingsFeed(c: AppContext) {
  const deps = c.var.deps;
  const items = await listAllMeetings(deps.db);
  const sessions = await sessionsByMeeting(
    deps.db,
    items.map((m) => m.id),
  );
  return c.body(meetingsCalendar("Forum meetings", items, deps.config.baseUrl, sessions), 200, {
    "Content-Type": ICS_TYPE,
  });
}

async function meetingList(c: AppContext) {
  const deps = c.var.deps;
  const page = pageParam(c.req.query("page"));
  const now = deps.now();
  const [upcoming, past] = await Promise.all([
    page === 1 ? listUpcomingMeetings(deps.db, now) : Promise.resolve([]),
    listPastMeetings(deps.db, now, page, MEETINGS_PER_PAGE),
  ]);
  const pages = Math.max(1, Math.ceil(past.total / MEETINGS_PER_PAGE));
  if (page > pages) throw notFound("This page of meetings");
  return renderPage(c, {
    title: page > 1 ? `Meetings, page ${page}` : "Meetings",
    description: "Senior Agency Managers meetings, workshops and group meetings of the forum.",
    body: () => <PublicMeetings upcoming={upcoming} past={past.rows} page={page} pages={pages} />,
  });
}

/** A meeting's page or, for `<slug>.ics`, its calendar file. */
async function meetingPage(c: AppContext) {
  const slug = c.req.param("slug") ?? "";
  if (slug.endsWith(".ics")) return meetingIcs(c, slug.slice(0, -4));
  const actor = c.var.actor;
  const m = await findMeetingBySlug(c.var.deps.db, slug);
  if (!m || !canSeeMeeting(actor, m)) throw notFound("This meeting");
  const sessions = await listSessions(c.var.deps.db, m.id);
  return renderPage(c, {
    title: m.title,
    description: `${meetingKindLabels[m.kind]}: ${meetingWhen(m)}${m.place ? `, ${m.place}` : ""}.`,
    body: () => (
      <PublicMeeting
        m={m}
        sessions={sessions}
        member={canSeeVideoLink(actor)}
        manage={canManageMeeting(actor, m)}
      />
    ),
  });
}

/** The public meetings list, meeting pages, and the calendar files. */
export const meetingPages = pageGroup([
  ["GET", "/feeds/meetings.ics", meetingsFeed],
  ["GET", "/meetings", meetingList],
  ["GET", "/meetings/:slug", meetingPage],
]);
