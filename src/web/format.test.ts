import { describe, expect, it } from "vitest";
import { formatPartialDate, partialDateInput } from "./format.js";

describe("partial dates", () => {
  it("are written as precisely as they are known", () => {
    expect(formatPartialDate("2007-11-01", "year")).toBe("2007");
    expect(formatPartialDate("2007-11-01", "month")).toBe("November 2007");
    expect(formatPartialDate("2015-10-05", "day")).toBe("5 October 2015");
    expect(partialDateInput("2020-12-01", "month")).toBe("2020-12");
  });
});
