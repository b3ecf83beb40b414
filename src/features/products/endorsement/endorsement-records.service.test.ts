import { describe, expect, it } from "vitest";
import { publicationText } from "./endorsement-records.service.js";

describe("publicationText", () => {
  it("puts the agreed text below the description, its headings numbered one level below the title", () => {
    const text = publicationText(
      "A shared view.",
      "Intro.\n\n# Purpose\n\nWhy.\n\n## Sites\n\nWhere.\n\n# Budget\n\nCosts.",
    );
    expect(text).toBe(
      "A shared view.\n\nIntro.\n\n## 1 Purpose\n\nWhy.\n\n### 1.1 Sites\n\nWhere.\n\n## 2 Budget\n\nCosts.",
    );
  });

  it("keeps a text without headings as it is", () => {
    expect(publicationText("Desc.", "Just a paragraph.")).toBe("Desc.\n\nJust a paragraph.");
  });
});
