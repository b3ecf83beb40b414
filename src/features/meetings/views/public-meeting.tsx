import { raw } from "hono/html";
import { PageHeader, Tag } from "../../../web/components.js";
import { renderMarkdown } from "../../../web/markdown.js";
import type { MeetingDetail } from "../meetings.queries.js";
import { meetingKindLabels, meetingModeLabels } from "../meetings.schemas.js";
import type { MeetingSession } from "../sessions.queries.js";
import { MeetingFacts } from "./meeting-facts.js";
import { Programme } from "./programme.js";

/** A meeting's public page; members also see the video link and the way to its working area. */
export function PublicMeeting(p: {
  m: MeetingDetail;
  sessions: MeetingSession[];
  /** A member: the video link and the working area are theirs. */
  member: boolean;
  manage: boolean;
}) {
  const { m, sessions } = p;
  const datedByDay = m.precision === "time" || m.precision === "day";
  return (
    <div class="wrap">
      <p class="breadcrumb">
        <a href="/meetings">← All meetings</a>
      </p>
      <PageHeader eyebrow={meetingKindLabels[m.kind]} title={m.title} />
      <p class="tags">
        <Tag>{meetingModeLabels[m.mode]}</Tag> {m.public ? null : <Tag tone="muted">members only</Tag>}
      </p>
      <MeetingFacts m={m} on="public page" member={p.member} />
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
      {p.member ? (
        <p>
          <a href={`/private/meetings/${m.slug}`}>Registration, agenda, decisions and minutes (members)</a>
        </p>
      ) : null}
      {p.manage ? (
        <p>
          <a href={`/private/meetings/${m.slug}/edit`}>Manage this meeting</a>
        </p>
      ) : null}
    </div>
  );
}
