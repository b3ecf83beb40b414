import { diffTokens } from "./text-diff.js";

/** One line of a comparison: kept in both, only in the old text, or only in the new one. */
export type DiffLine = { kind: "same" | "removed" | "added"; text: string };

const kinds = { same: "same", del: "removed", ins: "added" } as const;
/** Each line with its newline, so a diff part's text splits back into whole lines. */
const linesOf = (text: string) => text.split("\n").map((line) => `${line}\n`);

/** A line-by-line comparison of two texts (the token diff of text-diff.ts, over lines). */
export function diffLines(before: string, after: string): DiffLine[] {
  return diffTokens(linesOf(before), linesOf(after)).flatMap((part) =>
    part.text
      .slice(0, -1)
      .split("\n")
      .map((text) => ({ kind: kinds[part.kind], text })),
  );
}
