import { raw } from "hono/html";
import { Notice, PageHeader, Tag } from "../../../web/components.js";
import { renderMarkdown } from "../../../web/markdown.js";
import type { MeetingDetail } from "../../meetings/meetings.queries.js";
import { meetingKindLabels } from "../../meetings/meetings.schemas.js";
import type { MeetingSession } from "../../meetings/sessions.queries.js";
import { attendanceLine, meetingWhen } from "../../meetings/views/meeting.js";
import { MeetingFacts } from "../../meetings/views/meeting-facts.js";
import { Programme } from "../../meetings/views/programme.js";
import type { AgendaItem } from "../agenda/agenda.queries.js";
import { AgendaTable } from "../agenda/views/agenda.js";
import type { Decision } from "../decisions/decisions.queries.js";
import { decisionLabel } from "../decisions/decisions.service.js";
import type { MinutesStatus } from "../minutes/minutes.service.js";
import { MinutesSection } from "../minutes/views/minutes.js";
import type { Registration } from "../registrations/registrations.queries.js";
import { OwnRegistration, RegistrationsByAgency } from "../registrations/views/registrations.js";

function Attendance({ m, manage }: { m: MeetingDetail; manage: boolean }) {
  const line = attendanceLine(m);
  return (
    <>
      <p>{line ? `${line}.` : "Attendance not recorded yet."}</p>
      <p class="small muted">
        Attendance counts agencies, not people: an agency attended when the secretariat recorded it or when
        one of its registered people was marked as attended.
      </p>
      {manage ? (
        <p>
          <a href={`/private/meetings/${m.slug}/registrations`}>Mark who attended</a>
        </p>
      ) : null}
    </>
  );
}

/** The private meeting page: details with the video link, registration, attendance, agenda, decisions, minutes. */
export function MeetingWorkPage(p: {
  m: MeetingDetail;
  notice: string | undefined;
  manage: boolean;
  csrf: string;
  sessions: MeetingSession[];
  registrations: Registration[];
  /** The signed-in person's own registration. */
  mine: Registration | undefined;
  registrationOpen: boolean;
  agenda: AgendaItem[];
  decisions: Decision[];
  minutes: { status: MinutesStatus; count: number };
}) {
  const { m, manage, csrf, sessions, registrations, decisions } = p;
  const base = `/private/meetings/${m.slug}`;
  const agencies = new Set(registrations.map((r) => r.agency ?? "Secretariat")).size;
  return (
    <>
      <p class="breadcrumb">
        <a href="/private/meetings">← All meetings</a>
      </p>
      <PageHeader
        eyebrow={meetingKindLabels[m.kind]}
        title={m.title}
        lead={meetingWhen(m)}
        actions={manage ? <a href={`${base}/edit`}>Edit the meeting</a> : null}
      />
      <Notice text={p.notice} />
      <p class="tags">
        {m.public ? <Tag>public</Tag> : <Tag tone="muted">members only</Tag>}{" "}
        {m.uncertain ? <Tag tone="warn">uncertain</Tag> : null}
      </p>
      <MeetingFacts m={m} on="working area" member />
      {m.summary ? <div class="prose">{raw(renderMarkdown(m.summary))}</div> : null}
      {sessions.length || manage ? (
        <section class="section" aria-labelledby="programme">
          <h2 id="programme">Programme</h2>
          {sessions.length ? (
            <Programme sessions={sessions} timeZone={m.timeZone} manageBase={manage ? base : undefined} />
          ) : (
            <p class="muted">No sessions yet: the meeting shows as one event from start to end.</p>
          )}
          {manage && (m.precision === "time" || m.precision === "day") ? (
            <p>
              <a href={`${base}/sessions/new`}>Add a session</a>
            </p>
          ) : null}
        </section>
      ) : null}
      <p>
        <a href={`/private/actions?meeting=${m.slug}`}>Actions raised at this meeting</a>
        {manage ? (
          <>
            {" · "}
            <a href={`/private/actions/new?meeting=${m.slug}`}>Record an action</a>
          </>
        ) : null}
      </p>
      <section class="section" aria-labelledby="registration">
        <h2 id="registration">Your registration</h2>
        <OwnRegistration slug={m.slug} mode={m.mode} mine={p.mine} open={p.registrationOpen} csrf={csrf} />
      </section>
      <section class="section" aria-labelledby="registrations">
        <h2 id="registrations">Registrations</h2>
        {registrations.length ? (
          <p>
            {registrations.length} {registrations.length === 1 ? "person" : "people"} from {agencies}{" "}
            {agencies === 1 ? "agency" : "agencies"}.
          </p>
        ) : null}
        <RegistrationsByAgency rows={registrations} />
      </section>
      <section class="section" aria-labelledby="attendance">
        <h2 id="attendance">Attendance</h2>
        <Attendance m={m} manage={manage} />
      </section>
      <section class="section" aria-labelledby="agenda">
        <h2 id="agenda">Agenda</h2>
        <AgendaTable slug={m.slug} items={p.agenda} manage={manage} csrf={csrf} />
        {manage ? (
          <p>
            <a href={`${base}/agenda/new`}>Add an agenda item</a>
          </p>
        ) : null}
      </section>
      <section class="section" aria-labelledby="decisions">
        <h2 id="decisions">Decisions</h2>
        {decisions.length ? (
          <dl class="details">
            {decisions.map((d) => (
              <>
                <dt id={`d${d.number}`}>{decisionLabel(d)}</dt>
                <dd>
                  <div class="prose">{raw(renderMarkdown(d.text))}</div>
                  {manage ? (
                    <a href={`${base}/decisions/${d.number}`}>
                      Edit<span class="visually-hidden"> decision {decisionLabel(d)}</span>
                    </a>
                  ) : null}
                </dd>
              </>
            ))}
          </dl>
        ) : (
          <p class="muted">No decisions recorded.</p>
        )}
        {manage ? (
          <p>
            <a href={`${base}/decisions/new`}>Record a decision</a>
          </p>
        ) : null}
      </section>
      <section class="section" aria-labelledby="minutes">
        <h2 id="minutes">Minutes</h2>
        <MinutesSection slug={m.slug} status={p.minutes.status} count={p.minutes.count} manage={manage} />
      </section>
    </>
  );
}
