import { describe, expect, it } from "vitest";
import { carryComment } from "./carried-comments.js";

const V1 = "# Purpose\n\nWhy.\n\n# Lunar surface\n\n## Landing sites\n\nSouth pole.\n\n# Budget\n\nCosts.\n";
const place = (anchor: string, label: string, orphaned = false) => ({
  sectionAnchor: anchor,
  sectionLabel: label,
  orphaned,
});

describe("comments carried to a new version", () => {
  it("says unchanged when the section and its number stay", () => {
    expect(carryComment(V1, V1, place("purpose", "1 Purpose")).status).toBe("unchanged");
  });
  it("says moved when the same text has another number", () => {
    const v2 = `# Foreword\n\nNew.\n\n${V1}`;
    const c = carryComment(V1, v2, place("budget", "3 Budget"));
    expect(c).toMatchObject({ status: "moved", before: { number: "3" }, after: { number: "4" } });
  });
  it("says text changed, with the old and new text", () => {
    const v2 = V1.replace("South pole.", "South pole and Shackleton.");
    const c = carryComment(V1, v2, place("landing-sites", "2.1 Landing sites"));
    expect(c).toMatchObject({
      status: "text_changed",
      before: { text: "South pole." },
      after: { text: "South pole and Shackleton." },
    });
  });
  it("says orphaned when the section is gone, keeping the old text", () => {
    const v2 = V1.replace("# Budget\n\nCosts.\n", "");
    const c = carryComment(V1, v2, place("budget", "3 Budget", true));
    expect(c).toMatchObject({ status: "orphaned", before: { text: "Costs." }, after: null });
  });
});
