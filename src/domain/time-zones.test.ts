import { describe, expect, it } from "vitest";
import { instantToZoned, isTimeZone, zonedToInstant } from "./time-zones.js";

describe("time zones", () => {
  it("knows IANA names and refuses unknown ones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("'; drop table")).toBe(false);
  });

  it("turns local times into instants on both sides of a daylight-saving change", () => {
    // Europe/Amsterdam moves from UTC+1 to UTC+2 on 30 March 2031 at 02:00.
    expect(zonedToInstant("2031-03-29T09:00", "Europe/Amsterdam")!.toISOString()).toBe(
      "2031-03-29T08:00:00.000Z",
    );
    expect(zonedToInstant("2031-03-30T17:00", "Europe/Amsterdam")!.toISOString()).toBe(
      "2031-03-30T15:00:00.000Z",
    );
    expect(zonedToInstant("2031-11-02T09:00", "America/New_York")!.toISOString()).toBe(
      "2031-11-02T14:00:00.000Z",
    );
    expect(instantToZoned(new Date("2031-03-30T15:00:00Z"), "Europe/Amsterdam")).toBe("2031-03-30T17:00");
    expect(zonedToInstant("2031-02-30T09:00", "UTC")).toBeNull();
  });
});
