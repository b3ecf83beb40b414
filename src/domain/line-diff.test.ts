import { describe, expect, it } from "vitest";
import { diffLines } from "./line-diff.js";

describe("diffLines", () => {
  it("keeps common lines and marks removed and added ones in order", () => {
    expect(diffLines("a\nb\nc", "a\nx\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });

  it("two equal texts differ nowhere", () => {
    expect(diffLines("one\ntwo", "one\ntwo").every((l) => l.kind === "same")).toBe(true);
  });
});
