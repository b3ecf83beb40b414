import { describe, expect, it } from "vitest";
import { diffDocuments, diffText, diffTokens, lineTokens, wordTokens } from "./text-diff.js";

const joined = (parts: { kind: string; text: string }[], keep: "ins" | "del") =>
  parts
    .filter((p) => p.kind === "same" || p.kind === keep)
    .map((p) => p.text)
    .join("");

describe("diffText", () => {
  it("marks inserted and deleted words", () => {
    expect(diffText("the red rover drives", "the blue rover drives far")).toEqual([
      { kind: "same", text: "the " },
      { kind: "del", text: "red" },
      { kind: "ins", text: "blue" },
      { kind: "same", text: " rover drives" },
      { kind: "ins", text: " far" },
    ]);
  });

  it("rebuilds both texts exactly from its parts", () => {
    const a = "One two three.\n\nFour five six seven.";
    const b = "One three.\n\nFour five, six and seven!";
    const parts = diffText(a, b);
    expect(joined(parts, "del")).toBe(a);
    expect(joined(parts, "ins")).toBe(b);
  });

  it("returns one unchanged part for equal texts and nothing for two empty ones", () => {
    expect(diffText("same", "same")).toEqual([{ kind: "same", text: "same" }]);
    expect(diffText("", "")).toEqual([]);
  });

  it("falls back to lines for very long texts and stays exact", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(" ");
    const b = `${a.replace("word1500", "changed")}\nextra`;
    const parts = diffText(a, b);
    expect(joined(parts, "del")).toBe(a);
    expect(joined(parts, "ins")).toBe(b);
  });

  it("tokenises words with their spaces and lines with their newlines", () => {
    expect(wordTokens("a  b\nc")).toEqual(["a", "  ", "b", "\n", "c"]);
    expect(lineTokens("a\nb")).toEqual(["a\n", "b"]);
    expect(diffTokens([], ["x"])).toEqual([{ kind: "ins", text: "x" }]);
  });
});

describe("diffDocuments", () => {
  const v1 = "Preface.\n\n# Moon\n\nLanders go.\n\n# Budget\n\nMoney.\n\n# Mars\n\nLater.\n";
  const v2 = "Preface.\n\n# Earth\n\nHome.\n\n# Moon\n\nLanders and rovers go.\n\n# Mars\n\nLater.\n";

  it("compares section by section, matched by anchor, in the new order", () => {
    const d = diffDocuments(v1, v2);
    expect(d.map((s) => [s.change, s.from?.title ?? null, s.to?.title ?? null])).toEqual([
      ["unchanged", null, null],
      ["added", null, "Earth"],
      ["changed", "Moon", "Moon"],
      ["removed", "Budget", null],
      ["unchanged", "Mars", "Mars"],
    ]);
    expect(d[2]!.from!.number).toBe("1");
    expect(d[2]!.to!.number).toBe("2");
    expect(d[2]!.body).toContainEqual({ kind: "ins", text: "and rovers " });
  });

  it("pairs a section whose title changed case by its title, and diffs the title", () => {
    const d = diffDocuments("# Moon base\n\nText.\n", "# moon base\n\nText.\n");
    expect(d).toHaveLength(1);
    expect(d[0]!.change).toBe("changed");
    expect(d[0]!.title).toEqual([
      { kind: "del", text: "Moon" },
      { kind: "ins", text: "moon" },
      { kind: "same", text: " base" },
    ]);
  });
});
