import { Hono } from "hono";
import { raw } from "hono/html";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { pageParam } from "../../http/guards.js";
import { renderPage } from "../../http/page.js";
import { EmptyState, PageHeader, Pagination, Tag } from "../../web/components.js";
import { renderMarkdown } from "../../web/markdown.js";
import { meetingsCalendar } from "./meetings.calendar.export.js";
import { canManageMeeting, canSeeMeeting, canSeeVideoLink } from "./meetings.policy.js";
import {
  findMeetingBySlug,
  listAllMeetings,
  listPastMeetings,
  listUpcomingMeetings,
} from "./meetings.queries.js";
import { meetingKindLabels, meetingModeLabels } from "./meetings.schemas.js";
import { listSessions, sessionsByMeeting } from "./sessions.queries.js";
import { attendanceLine, attendanceText, MeetingCard, meetingWhen } from "./views/meeting.js";
import { Programme } from "./views/programme.js";

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

/** The public meetings list, meeting pages, and the calendar files. */
export function meetingPages() {
  const app = new Hono<AppEnv>();

  app.get("/feeds/meetings.ics", async (c) => {
    const deps = c.var.deps;
    const items = await listAllMeetings(deps.db);
    const sessions = await sessionsByMeeting(
      deps.db,
      items.map((m) => m.id),
    );
    return c.body(meetingsCalendar("Forum meetings", items, deps.config.baseUrl, sessions), 200, {
      "Content-Type": ICS_TYPE,
    });
  });

  app.get("/meetings", async (c) => {
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
      body: () => (
        <div class="wrap">
          <PageHeader
            eyebrow="Meetings"
            title="Meetings"
            lead="Senior Agency Managers (SAM) meetings, workshops and group meetings, with their summaries."
            actions={
              <p class="feed-links small">
                Subscribe: <a href="/feeds/meetings.ics">calendar feed (iCalendar)</a>
              </p>
            }
          />
          {page === 1 ? (
            <section class="section" aria-labelledby="upcoming">
              <h2 id="upcoming">Upcoming</h2>
              {upcoming.length ? (
                <div class="meeting-list">
                  {upcoming.map((m) => (
                    <MeetingCard m={m} />
                  ))}
                </div>
              ) : (
                <EmptyState title="No upcoming meetings announced" />
              )}
            </section>
          ) : null}
          <section class="section" aria-labelledby="past">
            <h2 id="past">Past meetings</h2>
            {past.rows.length ? (
              <div class="meeting-list">
                {past.rows.map((m) => (
                  <MeetingCard m={m} />
                ))}
              </div>
            ) : (
              <EmptyState title="No past meetings recorded" />
            )}
            <Pagination page={page} pages={pages} href={(p) => `/meetings?page=${p}`} />
          </section>
        </div>
      ),
    });
  });

  app.get("/meetings/:slug", async (c) => {
    const slug = c.req.param("slug");
    if (slug.endsWith(".ics")) return meetingIcs(c, slug.slice(0, -4));
    const actor = c.var.actor;
    const m = await findMeetingBySlug(c.var.deps.db, slug);
    if (!m || !canSeeMeeting(actor, m)) throw notFound("This meeting");
    const sessions = await listSessions(c.var.deps.db, m.id);
    const attended = attendanceText(m);
    const datedByDay = m.precision === "time" || m.precision === "day";
    return renderPage(c, {
      title: m.title,
      description: `${meetingKindLabels[m.kind]}: ${meetingWhen(m)}${m.place ? `, ${m.place}` : ""}.`,
      body: () => (
        <div class="wrap">
          <p class="breadcrumb">
            <a href="/meetings">← All meetings</a>
          </p>
          <PageHeader eyebrow={meetingKindLabels[m.kind]} title={m.title} />
          <p class="tags">
            <Tag>{meetingModeLabels[m.mode]}</Tag> {m.public ? null : <Tag tone="muted">members only</Tag>}
          </p>
          <dl class="details">
            <dt>When</dt>
            <dd>{meetingWhen(m)}</dd>
            {m.place ? (
              <>
                <dt>Where</dt>
                <dd>{m.place}</dd>
              </>
            ) : null}
            {m.hostAcronym ? (
              <>
                <dt>Host</dt>
                <dd>{m.hostSlug ? <a href={`/members/${m.hostSlug}`}>{m.hostAcronym}</a> : m.hostAcronym}</dd>
              </>
            ) : null}
            {m.group ? (
              <>
                <dt>Group</dt>
                <dd>
                  <a href={`/groups/${m.group.slug}`}>{m.group.name}</a>
                </dd>
              </>
            ) : null}
            {attended ? (
              <>
                <dt>Attendance</dt>
                <dd>{attendanceLine(m)}</dd>
              </>
            ) : null}
            {m.videoUrl && canSeeVideoLink(actor) ? (
              <>
                <dt>Video link (members only)</dt>
                <dd>
                  <a href={m.videoUrl} rel="noopener">
                    Join the video call
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
          {datedByDay ? (
            <p class="small">
              <a href={`/meetings/${m.slug}.ics`}>Add to your calendar (.ics)</a>
            </p>
          ) : null}
          {sessions.length ? (
            <section class="section" aria-labelledby="programme">
              <h2 id="programme">Programme</h2>
              <Programme sessions={sessions} timeZone={m.timeZone} />
            </section>
          ) : null}
          {m.summary ? (
            <section class="section" aria-labelledby="summary">
              <h2 id="summary">Summary</h2>
              <div class="prose">{raw(renderMarkdown(m.summary))}</div>
            </section>
          ) : null}
          {canSeeVideoLink(actor) ? (
            <p>
              <a href={`/private/meetings/${m.slug}`}>
                Registration, agenda, decisions and minutes (members)
              </a>
            </p>
          ) : null}
          {canManageMeeting(actor, m) ? (
            <p>
              <a href={`/private/meetings/${m.slug}/edit`}>Manage this meeting</a>
            </p>
          ) : null}
        </div>
      ),
    });
  });

  return app;
}
