import type { Child } from "hono/jsx";
import type { MeetingDetail } from "../meetings.queries.js";
import { meetingModeLabels } from "../meetings.schemas.js";
import { attendanceLine, meetingWhen } from "./meeting.js";

/** One term and its description, left out when there is nothing to say. */
function Fact({ term, children }: { term: string; children?: Child }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/**
 * A meeting's facts, on its public page or in its working area. The public page shows the mode
 * as a tag, links the host to its member page and states attendance; the working area lists the
 * mode and has its own attendance section. The video link is for members only.
 */
export function MeetingFacts({
  m,
  on,
  member,
}: {
  m: MeetingDetail;
  on: "public page" | "working area";
  member: boolean;
}) {
  const isPublic = on === "public page";
  return (
    <dl class="details">
      <Fact term="When">{meetingWhen(m)}</Fact>
      {isPublic ? null : <Fact term="Mode">{meetingModeLabels[m.mode]}</Fact>}
      <Fact term="Where">{m.place}</Fact>
      <Fact term="Host">
        {m.hostAcronym && isPublic && m.hostSlug ? (
          <a href={`/members/${m.hostSlug}`}>{m.hostAcronym}</a>
        ) : (
          m.hostAcronym
        )}
      </Fact>
      <Fact term="Group">{m.group ? <a href={`/groups/${m.group.slug}`}>{m.group.name}</a> : null}</Fact>
      {isPublic ? <Fact term="Attendance">{attendanceLine(m)}</Fact> : null}
      <Fact term="Video link (members only)">
        {m.videoUrl && member ? (
          <a href={m.videoUrl} rel="noopener">
            Join the video call
          </a>
        ) : null}
      </Fact>
    </dl>
  );
}
