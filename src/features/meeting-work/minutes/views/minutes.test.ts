import { describe, expect, it } from "vitest";
import { demoteHeadings } from "./minutes.js";

describe("minutes headings", () => {
  it("move one level down outside code fences, so the page outline stays in order", () => {
    expect(demoteHeadings("# A\ntext\n## B\n```\n# not a heading\n```\n###### six")).toBe(
      "## A\ntext\n### B\n```\n# not a heading\n```\n###### six",
    );
  });
});
