import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "../../domain/icalendar.js";
import { meetingEvent, meetingEvents } from "./meetings.calendar.export.js";
import type { MeetingListItem } from "./meetings.queries.js";
import type { MeetingSession } from "./sessions.queries.js";

const meeting = (over: Partial<MeetingListItem>): MeetingListItem => ({
  id: 7,
  slug: "sam-2031",
  kind: "sam_meeting",
  title: "SAM meeting, spring",
  hostOrganisationId: null,
  place: "ESTEC; Noordwijk",
  startsAt: new Date("2031-03-29T08:00:00Z"),
  endsAt: new Date("2031-03-30T15:00:00Z"),
  timeZone: "Europe/Amsterdam",
  precision: "time",
  mode: "hybrid",
  videoUrl: "https://video.example.org/secret-room",
  groupId: null,
  summary: "",
  public: true,
  reportedAttendance: null,
  uncertain: false,
  uncertainNote: null,
  sources: [],
  createdAt: new Date("2031-01-01T00:00:00Z"),
  updatedAt: new Date("2031-01-02T00:00:00Z"),
  hostAcronym: "ESA",
  groupSlug: null,
  groupName: null,
  attendingCount: 0,
  ...over,
});

describe("iCalendar writer", () => {
  it("escapes commas, semicolons, backslashes and newlines", () => {
    expect(escapeText("a, b; c\\d\nnext")).toBe("a\\, b\\; c\\\\d\\nnext");
  });

  it("folds lines at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"é".repeat(60)}`;
    const folded = foldLine(line).split("\r\n");
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });

  it("writes a meeting across a daylight-saving change in UTC, with CRLF line endings", () => {
    const ics = buildCalendar({ name: "Meetings", prodId: "-//Test//EN" }, [
      meetingEvent(meeting({}), "https://forum.example.org", "forum.example.org")!,
    ]);
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
    // 09:00 local before the change is 08:00Z; 17:00 local after it is 15:00Z.
    expect(ics).toContain("\r\nDTSTART:20310329T080000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20310330T150000Z\r\n");
    expect(ics).toContain("SUMMARY:SAM meeting\\, spring");
    expect(ics).toContain("LOCATION:ESTEC\\; Noordwijk · Hybrid");
    expect(ics).toContain("UID:meeting-7@forum.example.org");
    expect(ics).not.toContain("secret-room");
    expect(ics.split("\r\n").every((l) => Buffer.byteLength(l, "utf8") <= 75)).toBe(true);
  });

  it("writes meetings known only by day as all-day events and leaves out month-only ones", () => {
    const day = meetingEvent(
      meeting({
        precision: "day",
        startsAt: new Date("2023-12-06T15:00:00Z"),
        endsAt: new Date("2023-12-07T15:00:00Z"),
        timeZone: "Asia/Seoul",
      }),
      "https://x.org",
      "x.org",
    )!;
    const ics = buildCalendar({ name: "M", prodId: "-//T//EN" }, [day]);
    expect(ics).toContain("DTSTART;VALUE=DATE:20231207\r\n");
    expect(ics).toContain("DTEND;VALUE=DATE:20231209\r\n");
    expect(meetingEvent(meeting({ precision: "month" }), "https://x.org", "x.org")).toBeNull();
  });
});

// The 2023 meeting in Songdo: 7–8 December, Korea Standard Time (UTC+9, no daylight saving).
const songdo = {
  startsAt: new Date("2023-12-07T00:00:00Z"),
  endsAt: new Date("2023-12-08T08:00:00Z"),
  timeZone: "Asia/Seoul",
};
const session = (
  id: number,
  start: string,
  end: string,
  over: Partial<MeetingSession> = {},
): MeetingSession => ({
  id,
  meetingId: 1,
  title: `Session ${id}`,
  startsAt: new Date(start),
  endsAt: new Date(end),
  place: null,
  description: "",
  createdAt: new Date("2023-11-01T00:00:00Z"),
  updatedAt: new Date("2023-11-02T00:00:00Z"),
  ...over,
});

describe("a meeting's calendar events", () => {
  const m = {
    id: 7,
    slug: "2023-songdo",
    kind: "sam_meeting",
    title: "SAM meeting",
    place: "Songdo",
    mode: "hybrid",
    precision: "time",
    hostAcronym: "KASA",
    updatedAt: new Date("2023-11-01T00:00:00Z"),
    ...songdo,
  } as MeetingListItem;

  it("is one event per session, each with a stable UID and its own place, or the meeting as one event", () => {
    const events = meetingEvents(
      m,
      [
        session(11, "2023-12-07T00:00:00Z", "2023-12-07T03:30:00Z", { title: "Plenary" }),
        session(12, "2023-12-08T00:00:00Z", "2023-12-08T03:00:00Z", { title: "Workshop", place: "Online" }),
      ],
      "https://forum.example.org",
      "forum.example.org",
    );
    expect(events.map((e) => [e.uid, e.title, e.location])).toEqual([
      ["meeting-7-session-11@forum.example.org", "SAM meeting — Plenary", "Songdo · Hybrid"],
      ["meeting-7-session-12@forum.example.org", "SAM meeting — Workshop", "Online"],
    ]);
    expect(events[1]!.stamp).toEqual(new Date("2023-11-02T00:00:00Z"));
    const single = meetingEvents(m, [], "https://forum.example.org", "forum.example.org");
    expect(single.map((e) => e.uid)).toEqual(["meeting-7@forum.example.org"]);
  });
});
