import { dateTimeFormat } from "../../../domain/date-formats.js";
import { instantToZoned } from "../../../domain/time-zones.js";
import { Tag } from "../../../web/components.js";
import { formatPartialDate } from "../../../web/format.js";
import { attendanceCount, type MeetingListItem } from "../meetings.queries.js";
import { meetingKindLabels, meetingModeLabels } from "../meetings.schemas.js";

const dateFmt = (timeZone: string) =>
  dateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long", year: "numeric" });
const timeFmt = (timeZone: string) =>
  dateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** When a meeting takes place, in its own time zone and as precisely as known. */
export function meetingWhen(
  m: Pick<MeetingListItem, "startsAt" | "endsAt" | "timeZone" | "precision">,
): string {
  // The local date: a month that starts at midnight in Tokyo is still the previous month in UTC.
  const iso = instantToZoned(m.startsAt, m.timeZone).slice(0, 10);
  if (m.precision === "year" || m.precision === "month") return formatPartialDate(iso, m.precision);
  const d = dateFmt(m.timeZone);
  const [from, to] = [d.format(m.startsAt), d.format(m.endsAt)];
  // As people write them: "7–8 December 2023", "30 November – 2 December 2021".
  // ICU puts thin spaces around the dash, in some versions only: one spelling everywhere.
  if (m.precision === "day")
    return d
      .formatRange(m.startsAt, m.endsAt)
      .replace(/\s*–\s*/, " – ")
      .replace(/(\d) – (\d)/, "$1–$2");
  const t = timeFmt(m.timeZone);
  const zone = `(${m.timeZone.replace(/_/g, " ")} time)`;
  return from === to
    ? `${from}, ${t.format(m.startsAt)}–${t.format(m.endsAt)} ${zone}`
    : `${from}, ${t.format(m.startsAt)} – ${to}, ${t.format(m.endsAt)} ${zone}`;
}

/** "20 agencies attended", or nothing when attendance is unknown. */
export function attendanceText(
  m: Pick<MeetingListItem, "attendingCount" | "reportedAttendance">,
): string | null {
  const n = attendanceCount(m);
  if (n === null) return null;
  return `${n} ${n === 1 ? "agency" : "agencies"} attended`;
}

/**
 * The attendance of a meeting page: the count, then who, saying so when the reported figure and
 * the list differ ("24 agencies attended (as reported); the list names 25 organisations: …").
 */
export function attendanceLine(
  m: Pick<MeetingListItem, "attendingCount" | "reportedAttendance"> & {
    attending: Array<{ acronym: string }>;
  },
): string | null {
  const text = attendanceText(m);
  if (!text) return null;
  const who = m.attending.map((a) => a.acronym).join(", ");
  if (m.reportedAttendance === null) return `${text}: ${who}`;
  if (m.attending.length === 0) return `${text} (as reported)`;
  if (m.attending.length === m.reportedAttendance) return `${text}: ${who}`;
  return `${text} (as reported); the list names ${m.attending.length} organisations: ${who}`;
}

/** The first paragraph of a Markdown summary as plain text, cut at about 240 characters. */
export function excerpt(markdown: string): string {
  const first = (markdown.split(/\n\s*\n/)[0] ?? "").replace(/[*_`#>[\]]|\(https?:[^)]*\)/g, "").trim();
  return first.length > 240 ? `${first.slice(0, 237).replace(/\s+\S*$/, "")}…` : first;
}

/** One meeting in a list. */
export function MeetingCard({ m }: { m: MeetingListItem }) {
  const attended = attendanceText(m);
  return (
    <article class="card meeting-card">
      <h3>
        <a href={`/meetings/${m.slug}`}>{m.title}</a>
      </h3>
      <p class="meta">
        {meetingWhen(m)}
        {m.place ? ` · ${m.place}` : ""}
      </p>
      <p class="tags">
        <Tag tone="accent">{meetingKindLabels[m.kind]}</Tag> <Tag>{meetingModeLabels[m.mode]}</Tag>{" "}
        {m.public ? null : <Tag tone="muted">members only</Tag>}
      </p>
      {m.summary ? <p>{excerpt(m.summary)}</p> : null}
      {attended || m.hostAcronym ? (
        <p class="small">
          {m.hostAcronym ? `Hosted by ${m.hostAcronym}. ` : ""}
          {attended ? `${attended}.` : ""}
        </p>
      ) : null}
    </article>
  );
}
