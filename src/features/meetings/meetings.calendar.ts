import { buildCalendar, type CalendarEvent } from "./ics.js";
import type { MeetingListItem } from "./meetings.queries.js";
import { meetingKindLabels, meetingModeLabels } from "./meetings.schemas.js";
import { instantToZoned } from "./time.js";

/**
 * A meeting as a calendar event, or null when only its month or year is known. The video link is
 * never written: calendar files are public.
 */
export function meetingEvent(m: MeetingListItem, baseUrl: string, host: string): CalendarEvent | null {
  if (m.precision === "month" || m.precision === "year") return null;
  const url = `${baseUrl.replace(/\/+$/, "")}/meetings/${m.slug}`;
  const where = [m.place, m.mode !== "in_person" ? meetingModeLabels[m.mode] : null]
    .filter(Boolean)
    .join(" · ");
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
    location: where || null,
    description: `${meetingKindLabels[m.kind]}${m.hostAcronym ? `, hosted by ${m.hostAcronym}` : ""}. ${url}`,
    url,
  };
}

/** An iCalendar file of meetings. */
export function meetingsCalendar(name: string, items: MeetingListItem[], baseUrl: string): string {
  const host = new URL(baseUrl).hostname || "localhost";
  const events = items.flatMap((m) => meetingEvent(m, baseUrl, host) ?? []);
  return buildCalendar({ name, prodId: "-//Coordination platform//Meetings//EN" }, events);
}
