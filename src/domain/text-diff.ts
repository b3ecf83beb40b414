import { parseSections, type Section } from "./sections.js";

/** A run of text that is in both versions, only in the new one, or only in the old one. */
export type DiffPart = { kind: "same" | "ins" | "del"; text: string };

/** How a section changed between two versions. */
export type SectionChange = "unchanged" | "changed" | "added" | "removed";

/** One section's diff; `from`/`to` are the section in each version (absent when added/removed). */
export type SectionDiff = {
  change: SectionChange;
  from?: Pick<Section, "number" | "title" | "anchor">;
  to?: Pick<Section, "number" | "title" | "anchor">;
  /** The heading's own diff (titles can change while the anchor is kept by matching). */
  title: DiffPart[];
  body: DiffPart[];
};

// Above this many token pairs the word diff would be slow; lines are compared instead.
const MAX_CELLS = 4_000_000;

/** Splits text into words and the whitespace between them (whitespace kept, so joining restores it). */
export const wordTokens = (text: string) => text.split(/(\s+)/).filter((t) => t.length > 0);
/** Splits text into lines, each keeping its newline. */
export const lineTokens = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

function pushPart(parts: DiffPart[], kind: DiffPart["kind"], text: string) {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** The longest-common-subsequence table of two token lists (lengths of suffix matches). */
function lcsTable(a: string[], b: string[]): Uint32Array {
  const w = b.length + 1;
  const t = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      t[i * w + j] =
        a[i] === b[j] ? t[(i + 1) * w + j + 1]! + 1 : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
    }
  }
  return t;
}

/** A minimal diff of two token lists: common prefix and suffix kept, the middle by LCS. */
export function diffTokens(a: string[], b: string[]): DiffPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  if (start > 0) pushPart(parts, "same", a.slice(0, start).join(""));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const t = lcsTable(midA, midB);
  const w = midB.length + 1;
  let i = 0;
  let j = 0;
  while (i < midA.length && j < midB.length) {
    if (midA[i] === midB[j]) {
      pushPart(parts, "same", midA[i++]!);
      j++;
    } else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) pushPart(parts, "del", midA[i++]!);
    else pushPart(parts, "ins", midB[j++]!);
  }
  while (i < midA.length) pushPart(parts, "del", midA[i++]!);
  while (j < midB.length) pushPart(parts, "ins", midB[j++]!);
  if (endA < a.length) pushPart(parts, "same", a.slice(endA).join(""));
  return parts;
}

/** A readable diff of two texts: word by word, or line by line when the texts are very long. */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const a = wordTokens(before);
  const b = wordTokens(after);
  if (a.length * b.length <= MAX_CELLS) return diffTokens(a, b);
  return diffTokens(lineTokens(before), lineTokens(after));
}

const normalTitle = (t: string) => t.toLowerCase().replace(/\s+/g, " ").trim();

/** Pairs each new section with an old one: same anchor first, then the same title. */
function pairSections(before: Section[], after: Section[]): Map<Section, Section> {
  const pairs = new Map<Section, Section>();
  const taken = new Set<Section>();
  const claim = (s: Section, match: (o: Section) => boolean) => {
    const found = before.find((o) => !taken.has(o) && match(o));
    if (found) {
      pairs.set(s, found);
      taken.add(found);
    }
  };
  for (const s of after) claim(s, (o) => o.anchor === s.anchor);
  for (const s of after) if (!pairs.has(s)) claim(s, (o) => normalTitle(o.title) === normalTitle(s.title));
  return pairs;
}

const ref = (s: Section) => ({ number: s.number, title: s.title, anchor: s.anchor });

/**
 * Compares two Markdown versions section by section, in the new version's order; sections only in
 * the old version follow where they stood. The text before the first heading is section "".
 */
export function diffDocuments(beforeText: string, afterText: string): SectionDiff[] {
  const before = parseSections(beforeText);
  const after = parseSections(afterText);
  const out: SectionDiff[] = [];
  if (before.preamble || after.preamble) {
    const body = diffText(before.preamble, after.preamble);
    out.push({ change: before.preamble === after.preamble ? "unchanged" : "changed", title: [], body });
  }
  const pairs = pairSections(before.sections, after.sections);
  const matchedOld = new Set(pairs.values());
  let oldIndex = 0;
  const flushRemovedUpTo = (limit: number) => {
    for (; oldIndex < limit; oldIndex++) {
      const o = before.sections[oldIndex]!;
      if (!matchedOld.has(o))
        out.push({ change: "removed", from: ref(o), title: [], body: diffText(o.body, "") });
    }
  };
  for (const s of after.sections) {
    const o = pairs.get(s);
    if (!o) {
      out.push({ change: "added", to: ref(s), title: [], body: diffText("", s.body) });
      continue;
    }
    flushRemovedUpTo(before.sections.indexOf(o));
    const same = o.body === s.body && o.title === s.title;
    out.push({
      change: same ? "unchanged" : "changed",
      from: ref(o),
      to: ref(s),
      title: o.title === s.title ? [] : diffText(o.title, s.title),
      body: diffText(o.body, s.body),
    });
  }
  flushRemovedUpTo(before.sections.length);
  return out;
}
