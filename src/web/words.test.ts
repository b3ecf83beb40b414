import { describe, expect, it } from "vitest";
import { markdownToPlain } from "./markdown.js";
import { codeToWords, plural } from "./words.js";

describe("words, not codes", () => {
  it("counts with the right plural", () => {
    expect(plural(1, "comment")).toBe("1 comment");
    expect(plural(0, "comment")).toBe("0 comments");
    expect(plural(2, "agency", "agencies")).toBe("2 agencies");
    expect(plural(1200, "day")).toBe("1,200 days");
  });

  it("turns a code into words", () => {
    expect(codeToWords("accepted_with_changes")).toBe("accepted with changes");
  });

  it("reads Markdown as plain text without its markup", () => {
    expect(
      markdownToPlain("The SAM **endorses** the [white paper](https://example.org).\n\n- one\n- two"),
    ).toBe("The SAM endorses the white paper. one two");
    expect(markdownToPlain("# Title\n\n`code` <b>x</b>")).toBe("Title code <b>x</b>");
  });
});
