import { describe, expect, it } from "vitest";
import { describeAtPrecision, formatAtPrecision, parseAtPrecision, periodOf } from "./mission-dates.js";

describe("dates at a precision", () => {
  it("stores each precision as the first day of its period", () => {
    expect(parseAtPrecision("2027", "year")).toBe("2027-01-01");
    expect(parseAtPrecision("2027-Q3", "quarter")).toBe("2027-07-01");
    expect(parseAtPrecision("2027-05", "month")).toBe("2027-05-01");
    expect(parseAtPrecision("2027-05-14", "day")).toBe("2027-05-14");
  });

  it("refuses text that does not match its precision or is not a real date", () => {
    expect(parseAtPrecision("2027-05-14", "year")).toBeNull();
    expect(parseAtPrecision("2027", "day")).toBeNull();
    expect(parseAtPrecision("2027-Q5", "quarter")).toBeNull();
    expect(parseAtPrecision("2027-13", "month")).toBeNull();
    expect(parseAtPrecision("2027-02-30", "day")).toBeNull();
  });

  it("writes stored dates back at their precision, for forms and for people", () => {
    expect(formatAtPrecision("2027-10-01", "quarter")).toBe("2027-Q4");
    expect(formatAtPrecision("2027-05-01", "month")).toBe("2027-05");
    expect(describeAtPrecision("2027-10-01", "quarter")).toBe("Q4 2027");
    expect(describeAtPrecision("2027-05-14", "day")).toBe("14 May 2027");
  });

  it("spans the whole period in fractional years", () => {
    expect(periodOf("2027-01-01", "year")).toEqual({ start: 2027, end: 2028 });
    const q4 = periodOf("2027-10-01", "quarter");
    expect(q4.end).toBe(2028);
    expect(periodOf("2027-12-01", "month").end).toBe(2028);
  });
});
