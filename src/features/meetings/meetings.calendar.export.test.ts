import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "../../domain/icalendar.js";
import { meetingEvent } from "./meetings.calendar.export.js";
import type { MeetingListItem } from "./meetings.queries.js";

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
