import { describe, expect, it } from "vitest";
import { groupDigits } from "./numbers.js";

describe("groupDigits", () => {
  it("groups thousands as en-GB does", () => {
    for (const n of [0, 7, 999, 1000, 20_000, 1_234_567, 100_000_000]) {
      expect(groupDigits(n)).toBe(n.toLocaleString("en-GB"));
    }
  });
});
