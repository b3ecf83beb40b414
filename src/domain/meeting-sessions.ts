import { dateTimeFormat } from "./date-formats.js";
import { instantToZoned, isTimeZone, zonedToInstant } from "./time-zones.js";

/** A session as the programme shows it. */
export type SessionTimes = { startsAt: Date; endsAt: Date };

type Meeting = { startsAt: Date; endsAt: Date; timeZone: string };

const zoneNameIn = (locale: string, timeZone: string, instant: Date) =>
  dateTimeFormat(locale, { timeZone, timeZoneName: "short" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value ?? timeZone;

// Each English locale knows its own region's abbreviations (CET in en-GB, EST in en-US, IST in en-IN).
const ABBREVIATING_LOCALES = ["en-US", "en-GB", "en-AU", "en-IN"];
// Zones none of them abbreviates, where the forum meets and the abbreviation is unambiguous.
const KNOWN: Record<string, string> = { "Asia/Seoul": "KST", "Asia/Tokyo": "JST" };
const OFFSET_ONLY = /^(GMT|UTC)[+\-−]/;

/** The short name of a zone at an instant as people write it: "KST", "CEST", "EST", else "GMT+8". */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  for (const locale of ABBREVIATING_LOCALES) {
    const name = zoneNameIn(locale, timeZone, instant);
    if (!OFFSET_ONLY.test(name)) return name;
  }
  return KNOWN[timeZone] ?? zoneNameIn("en-GB", timeZone, instant);
}

const clock = (timeZone: string) =>
  dateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const shortDay = (timeZone: string) => dateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" });
const longDay = (timeZone: string) =>
  dateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" });

/** "Thursday 7 December 2023": from the parts, as ICU versions differ on the comma after the weekday. */
function dayLabel(instant: Date, timeZone: string): string {
  const parts = longDay(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("weekday")} ${get("day")} ${get("month")} ${get("year")}`;
}

/** The local day of an instant in a zone, "YYYY-MM-DD". */
export const localDay = (instant: Date, timeZone: string) => instantToZoned(instant, timeZone).slice(0, 10);

/**
 * A session's times in the meeting's zone, named: "09:00–12:30 KST"; "22:00 – 6 Dec 01:00 KST" past
 * midnight; each end named when a daylight-saving change falls inside ("01:30 CET – 03:30 CEST").
 */
export function sessionTimeRange(s: SessionTimes, timeZone: string): string {
  const t = clock(timeZone);
  const [from, to] = [t.format(s.startsAt), t.format(s.endsAt)];
  const [zoneFrom, zoneTo] = [zoneAbbreviation(s.startsAt, timeZone), zoneAbbreviation(s.endsAt, timeZone)];
  const end =
    localDay(s.startsAt, timeZone) === localDay(s.endsAt, timeZone)
      ? to
      : `${shortDay(timeZone).format(s.endsAt)} ${to}`;
  if (zoneFrom !== zoneTo) return `${from} ${zoneFrom} – ${end} ${zoneTo}`;
  return end === to ? `${from}–${to} ${zoneTo}` : `${from} – ${end} ${zoneTo}`;
}

/** Sessions grouped by their local day in the meeting's zone, days and sessions in order of start. */
export function sessionsByDay<S extends SessionTimes>(
  sessions: S[],
  timeZone: string,
): Array<{ day: string; label: string; sessions: S[] }> {
  const sorted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const days: Array<{ day: string; label: string; sessions: S[] }> = [];
  for (const s of sorted) {
    const day = localDay(s.startsAt, timeZone);
    const last = days.at(-1);
    if (last?.day === day) last.sessions.push(s);
    else days.push({ day, label: dayLabel(s.startsAt, timeZone), sessions: [s] });
  }
  return days;
}

const dayFormat = (timeZone: string) =>
  dateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long", year: "numeric" });
/** A meeting's days where it is held, as people write them: "4–5 March 2031", "30 March – 2 April 2031". */
export const dayRange = (m: { startsAt: Date; endsAt: Date; timeZone: string }) =>
  dayFormat(m.timeZone)
    .formatRange(m.startsAt, m.endsAt)
    .replace(/\s*–\s*/, " – ")
    .replace(/(\d) – (\d)/, "$1–$2");

/** True when a session lies within a meeting's local days (it may end at midnight after the last). */
export function withinMeetingDays(s: SessionTimes, meeting: Meeting): boolean {
  const first = localDay(meeting.startsAt, meeting.timeZone);
  const last = localDay(meeting.endsAt, meeting.timeZone);
  const startDay = localDay(s.startsAt, meeting.timeZone);
  const endDay = localDay(new Date(s.endsAt.getTime() - 60_000), meeting.timeZone);
  return startDay >= first && startDay <= last && endDay <= last;
}

/** What the secretariat entered for a session's times: local wall-clock times and their zone. */
export type SessionTimesInput = { start: string; end: string; timeZone: string | null };

/**
 * Resolves a session's local times to instants (in `timeZone`, else the meeting's) and checks they
 * lie within the meeting's days where it is held; field messages otherwise.
 */
export function resolveSessionTimes(
  input: SessionTimesInput,
  meeting: Meeting,
): { ok: true; times: SessionTimes } | { ok: false; errors: Record<string, string> } {
  const zone = input.timeZone ?? meeting.timeZone;
  if (!isTimeZone(zone))
    return {
      ok: false,
      errors: { timeZone: `${zone} is not a known time zone; use a name such as Europe/Berlin or UTC.` },
    };
  const startsAt = zonedToInstant(input.start, zone);
  const endsAt = zonedToInstant(input.end, zone);
  const errors: Record<string, string> = {};
  if (!startsAt) errors.start = "This is not a real date and time.";
  if (!endsAt) errors.end = "This is not a real date and time.";
  if (!startsAt || !endsAt) return { ok: false, errors };
  if (endsAt.getTime() <= startsAt.getTime())
    return { ok: false, errors: { end: "The end must be after the start." } };
  if (!withinMeetingDays({ startsAt, endsAt }, meeting)) {
    const outside = `A session lies within the meeting's dates, ${dayRange(meeting)} (${meeting.timeZone} time).`;
    // One message, on the end only when the start is within the dates.
    const startsWithin = withinMeetingDays({ startsAt, endsAt: startsAt }, meeting);
    return { ok: false, errors: startsWithin ? { end: outside } : { start: outside } };
  }
  return { ok: true, times: { startsAt, endsAt } };
}
