import { describe, expect, it } from "vitest";
import { slugify } from "./slugs.js";

describe("slugify", () => {
  it("keeps lower-case ASCII words joined by single hyphens", () => {
    expect(slugify("  Montréal: the Roadmap (2024)! ")).toBe("montreal-the-roadmap-2024");
  });

  it("cuts to the limit without leaving a hyphen at the end", () => {
    expect(slugify("abc def", 4)).toBe("abc");
    expect(slugify("word ".repeat(40), 80).length).toBeLessThanOrEqual(80);
  });

  it("leaves nothing of a text with no Latin letters or digits", () => {
    expect(slugify("月面探査")).toBe("");
  });
});
