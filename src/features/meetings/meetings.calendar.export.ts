import { buildCalendar, type CalendarEvent } from "../../domain/icalendar.js";
import { instantToZoned } from "../../domain/time-zones.js";
import type { MeetingListItem } from "./meetings.queries.js";
import { meetingKindLabels, meetingModeLabels } from "./meetings.schemas.js";
import type { MeetingSession } from "./sessions.queries.js";

/**
 * A meeting as a calendar event, or null when only its month or year is known. The video link is
 * never written: calendar files are public.
 */
export function meetingEvent(m: MeetingListItem, baseUrl: string, host: string): CalendarEvent | null {
  if (m.precision === "month" || m.precision === "year") return null;
  const url = `${baseUrl.replace(/\/+$/, "")}/meetings/${m.slug}`;
  return {
    uid: `meeting-${m.id}@${host}`,
    title: m.title,
    start: m.startsAt,
    end: m.endsAt,
    allDay:
      m.precision === "day"
        ? {
            firstDay: instantToZoned(m.startsAt, m.timeZone).slice(0, 10),
            lastDay: instantToZoned(m.endsAt, m.timeZone).slice(0, 10),
          }
        : undefined,
    stamp: m.updatedAt,
    location: meetingLocation(m) || null,
    description: `${meetingKindLabels[m.kind]}${m.hostAcronym ? `, hosted by ${m.hostAcronym}` : ""}. ${url}`,
    url,
  };
}

const meetingLocation = (m: MeetingListItem) =>
  [m.place, m.mode !== "in_person" ? meetingModeLabels[m.mode] : null].filter(Boolean).join(" · ");

/**
 * A meeting's calendar events: one per session when it has a programme ("Meeting — Session", each
 * with its own stable UID), else the meeting as one event.
 */
export function meetingEvents(
  m: MeetingListItem,
  sessions: MeetingSession[],
  baseUrl: string,
  host: string,
): CalendarEvent[] {
  const whole = meetingEvent(m, baseUrl, host);
  if (!whole || !sessions.length) return whole ? [whole] : [];
  return sessions.map((s) => ({
    uid: `meeting-${m.id}-session-${s.id}@${host}`,
    title: `${m.title} — ${s.title}`,
    start: s.startsAt,
    end: s.endsAt,
    stamp: s.updatedAt > m.updatedAt ? s.updatedAt : m.updatedAt,
    location: s.place ?? whole.location,
    description: [s.description, whole.description].filter(Boolean).join("\n\n"),
    url: whole.url,
  }));
}

/** An iCalendar file of meetings, each as its sessions when it has any. */
export function meetingsCalendar(
  name: string,
  items: MeetingListItem[],
  baseUrl: string,
  sessions: Map<number, MeetingSession[]> = new Map(),
): string {
  const host = new URL(baseUrl).hostname || "localhost";
  const events = items.flatMap((m) => meetingEvents(m, sessions.get(m.id) ?? [], baseUrl, host));
  return buildCalendar({ name, prodId: "-//Coordination platform//Meetings//EN" }, events);
}
