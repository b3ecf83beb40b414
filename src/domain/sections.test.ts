import { describe, expect, it } from "vitest";
import { reattachComment } from "./comment-matching.js";
import { anchorOf, parseSections, sectionLabel, titleOfLabel } from "./sections.js";

const doc = `Intro text.

# Purpose

Why we write.

## Scope of the *paper*

What it covers.

### Detail

## Scope of the paper

# Destinations

\`\`\`
# not a heading
\`\`\`
`;

describe("parseSections", () => {
  it("numbers headings 1, 1.1, 1.1.1, 2 and keeps the preamble", () => {
    const { preamble, sections } = parseSections(doc);
    expect(preamble).toBe("Intro text.");
    expect(sections.map((s) => s.number)).toEqual(["1", "1.1", "1.1.1", "1.2", "2"]);
    expect(sections.map((s) => s.level)).toEqual([1, 2, 3, 2, 1]);
  });

  it("makes anchors from the title alone, unique within the document", () => {
    const anchors = parseSections(doc).sections.map((s) => s.anchor);
    expect(anchors).toEqual([
      "purpose",
      "scope-of-the-paper",
      "detail",
      "scope-of-the-paper-2",
      "destinations",
    ]);
  });

  it("ignores headings inside fenced code and strips inline marks from titles", () => {
    const { sections } = parseSections(doc);
    expect(sections[1]!.title).toBe("Scope of the paper");
    expect(sections[4]!.body).toContain("# not a heading");
  });

  it("treats the shallowest heading as level 1 and never skips a number", () => {
    const { sections } = parseSections("## A\n#### B\n## C\n");
    expect(sections.map((s) => s.number)).toEqual(["1", "1.1", "2"]);
  });

  it("gives a document without headings no sections", () => {
    expect(parseSections("Just text.")).toEqual({ preamble: "Just text.", sections: [] });
  });

  it("keeps anchors stable when a section is inserted before", () => {
    const before = parseSections("# Moon\n\n# Mars\n").sections;
    const after = parseSections("# Earth\n\n# Moon\n\n# Mars\n").sections;
    expect(after.find((s) => s.title === "Mars")!.anchor).toBe(before[1]!.anchor);
    expect(after.find((s) => s.title === "Mars")!.number).toBe("3");
  });

  it("makes anchors from accented and symbol-only titles", () => {
    expect(anchorOf("Élan & Vie")).toBe("elan-vie");
    expect(anchorOf("???")).toBe("section");
  });

  it("labels sections with their number and reads the title back", () => {
    expect(sectionLabel({ number: "2.1", title: "Lunar surface" })).toBe("2.1 Lunar surface");
    expect(titleOfLabel("2.1 Lunar surface")).toBe("Lunar surface");
  });
});

describe("reattachComment", () => {
  const next = parseSections("# Overview\n\n# Lunar Surface operations\n\n# Mars\n").sections;

  it("follows the same anchor to its new number", () => {
    expect(reattachComment({ sectionAnchor: "mars", sectionLabel: "2 Mars" }, next)).toEqual({
      orphaned: false,
      sectionAnchor: "mars",
      sectionLabel: "3 Mars",
    });
  });

  it("matches a section by title when the anchor changed (duplicate titles renumbered)", () => {
    const r = reattachComment({ sectionAnchor: "overview-2", sectionLabel: "4 Overview" }, next);
    expect(r).toEqual({ orphaned: false, sectionAnchor: "overview", sectionLabel: "1 Overview" });
  });

  it("keeps a comment on the whole document attached", () => {
    const place = { sectionAnchor: "", sectionLabel: "Whole document" };
    expect(reattachComment(place, next)).toEqual({ ...place, orphaned: false });
  });

  it("flags a comment orphaned, keeping its old place, when no section matches", () => {
    const place = { sectionAnchor: "budget", sectionLabel: "5 Budget" };
    expect(reattachComment(place, next)).toEqual({ ...place, orphaned: true });
  });
});
