import { describe, expect, it } from "vitest";
import {
  resolveSessionTimes,
  type SessionTimes,
  sessionsByDay,
  sessionTimeRange,
  zoneAbbreviation,
} from "./meeting-sessions.js";

// The 2023 meeting in Songdo: 7–8 December, Korea Standard Time (UTC+9, no daylight saving).
const songdo = {
  startsAt: new Date("2023-12-07T00:00:00Z"),
  endsAt: new Date("2023-12-08T08:00:00Z"),
  timeZone: "Asia/Seoul",
};
const session = (id: number, start: string, end: string): SessionTimes & { id: number } => ({
  id,
  startsAt: new Date(start),
  endsAt: new Date(end),
});

describe("zone abbreviations", () => {
  it("names zones as people write them, with daylight saving", () => {
    expect(zoneAbbreviation(new Date("2023-12-07T00:00:00Z"), "Asia/Seoul")).toBe("KST");
    expect(zoneAbbreviation(new Date("2031-01-10T12:00:00Z"), "Europe/Paris")).toBe("CET");
    expect(zoneAbbreviation(new Date("2031-07-10T12:00:00Z"), "Europe/Paris")).toBe("CEST");
    expect(zoneAbbreviation(new Date("2031-07-10T12:00:00Z"), "America/New_York")).toBe("EDT");
    expect(zoneAbbreviation(new Date("2031-07-10T12:00:00Z"), "UTC")).toBe("UTC");
  });

  it("falls back to the offset where no abbreviation is known", () => {
    expect(zoneAbbreviation(new Date("2031-07-10T12:00:00Z"), "Asia/Shanghai")).toBe("GMT+8");
  });
});

describe("session times", () => {
  it("shows a session's times local to the meeting, with the zone named", () => {
    const s = session(1, "2023-12-07T00:00:00Z", "2023-12-07T03:30:00Z");
    expect(sessionTimeRange(s, "Asia/Seoul")).toBe("09:00–12:30 KST");
  });

  it("names the end's day past midnight and each zone across a daylight-saving change", () => {
    expect(sessionTimeRange(session(1, "2023-12-07T13:00:00Z", "2023-12-07T16:00:00Z"), "Asia/Seoul")).toBe(
      "22:00 – 8 Dec 01:00 KST",
    );
    // Paris moves to summer time at 02:00 on 30 March 2031.
    expect(sessionTimeRange(session(1, "2031-03-30T00:30:00Z", "2031-03-30T01:30:00Z"), "Europe/Paris")).toBe(
      "01:30 CET – 03:30 CEST",
    );
  });

  it("groups sessions by the local day, in order of start, not by the UTC day", () => {
    // 08:00 KST on 8 December is still 7 December in UTC.
    const days = sessionsByDay(
      [
        session(2, "2023-12-07T23:00:00Z", "2023-12-08T01:00:00Z"),
        session(1, "2023-12-07T00:00:00Z", "2023-12-07T03:30:00Z"),
        session(3, "2023-12-07T05:00:00Z", "2023-12-07T08:00:00Z"),
      ],
      "Asia/Seoul",
    );
    expect(days.map((d) => [d.day, d.label, d.sessions.map((s) => s.id)])).toEqual([
      ["2023-12-07", "Thursday 7 December 2023", [1, 3]],
      ["2023-12-08", "Friday 8 December 2023", [2]],
    ]);
  });
});

describe("resolving a session's times", () => {
  it("reads the times in the meeting's zone unless another is given", () => {
    const r = resolveSessionTimes(
      { start: "2023-12-07T09:00", end: "2023-12-07T12:30", timeZone: null },
      songdo,
    );
    expect(r).toEqual({
      ok: true,
      times: { startsAt: new Date("2023-12-07T00:00:00Z"), endsAt: new Date("2023-12-07T03:30:00Z") },
    });
    const utc = resolveSessionTimes(
      { start: "2023-12-07T01:00", end: "2023-12-07T02:00", timeZone: "UTC" },
      songdo,
    );
    expect(utc.ok && utc.times.startsAt.toISOString()).toBe("2023-12-07T01:00:00.000Z");
  });

  it("refuses an end before the start, an unknown zone and times outside the meeting's local days", () => {
    const bad = (start: string, end: string, timeZone: string | null = null) =>
      resolveSessionTimes({ start, end, timeZone }, songdo);
    expect(bad("2023-12-07T12:00", "2023-12-07T09:00")).toEqual({
      ok: false,
      errors: { end: "The end must be after the start." },
    });
    expect(bad("2023-12-07T09:00", "2023-12-07T10:00", "Mars/Olympus")).toMatchObject({
      ok: false,
      errors: { timeZone: expect.stringContaining("not a known time zone") },
    });
    const before = bad("2023-12-06T09:00", "2023-12-06T10:00");
    expect(before).toMatchObject({
      ok: false,
      errors: { start: expect.stringContaining("dates, 7–8 December 2023 (Asia/Seoul time)") },
    });
    expect(bad("2023-12-08T17:00", "2023-12-09T10:00")).toMatchObject({
      ok: false,
      errors: { end: expect.any(String) },
    });
    // Both ends outside: one message, on the start.
    const after = bad("2023-12-09T09:00", "2023-12-09T10:00");
    expect(after.ok === false && Object.keys(after.errors)).toEqual(["start"]);
    // 08:00 on 7 December in Seoul is 23:00 on 6 December in UTC: still within the meeting's days.
    expect(bad("2023-12-07T08:00", "2023-12-07T09:00").ok).toBe(true);
    // A session may end at midnight after the last day.
    expect(bad("2023-12-08T20:00", "2023-12-09T00:00").ok).toBe(true);
  });
});
