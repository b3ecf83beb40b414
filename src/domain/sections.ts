/** One numbered section of a Markdown document: its heading and the text up to the next heading. */
export type Section = {
  /** "1", "2.1", "2.1.3" */
  number: string;
  /** 1 for the top level, 2 below it … */
  level: number;
  title: string;
  /** Made from the title alone, so it survives renumbering ("lunar-surface", "lunar-surface-2"). */
  anchor: string;
  body: string;
};

/** A document split at its headings: the text before the first heading, then the sections. */
export type SectionedDocument = { preamble: string; sections: Section[] };

const heading = /^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const fence = /^ {0,3}(`{3,}|~{3,})/;

/** A heading's plain text: inline Markdown marks and escapes removed. */
export function plainHeading(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~]/g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** A URL fragment from a title: lower-case letters and digits joined by hyphens. */
export function anchorOf(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

type RawHeading = { depth: number; title: string; line: number };

/** The ATX headings of a document, ignoring lines inside fenced code blocks. */
function findHeadings(lines: string[]): RawHeading[] {
  const found: RawHeading[] = [];
  let openFence: string | null = null;
  lines.forEach((line, i) => {
    const f = fence.exec(line);
    if (f) {
      const mark = f[1]!;
      if (openFence === null) openFence = mark[0]!.repeat(mark.length);
      else if (mark.startsWith(openFence)) openFence = null;
      return;
    }
    if (openFence !== null) return;
    const h = heading.exec(line);
    if (h) found.push({ depth: h[1]!.length, title: plainHeading(h[2]!), line: i });
  });
  return found;
}

/**
 * Splits Markdown into numbered sections (1, 1.1, 2 …). The shallowest heading used is level 1;
 * a heading that skips levels counts as one level deeper than its parent, so numbers never jump.
 */
export function parseSections(markdown: string): SectionedDocument {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const headings = findHeadings(lines);
  if (headings.length === 0) return { preamble: markdown.trim(), sections: [] };
  const top = Math.min(...headings.map((h) => h.depth));
  const counters: number[] = [];
  const depthStack: number[] = [];
  const used = new Map<string, number>();
  const sections = headings.map((h, i) => {
    while (depthStack.length && depthStack[depthStack.length - 1]! >= h.depth) depthStack.pop();
    depthStack.push(h.depth);
    const level = h.depth === top ? 1 : depthStack.length;
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    for (let k = 0; k < level - 1; k++) counters[k] ??= 1;
    const base = anchorOf(h.title);
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    const end = headings[i + 1]?.line ?? lines.length;
    return {
      number: counters.join("."),
      level,
      title: h.title,
      anchor: seen === 1 ? base : `${base}-${seen}`,
      body: lines
        .slice(h.line + 1, end)
        .join("\n")
        .trim(),
    };
  });
  return { preamble: lines.slice(0, headings[0]!.line).join("\n").trim(), sections };
}

/** "2.1 Lunar surface": how a section is named in comments and lists. */
export const sectionLabel = (s: Pick<Section, "number" | "title">) => `${s.number} ${s.title}`;

/** The title part of a stored section label ("2.1 Lunar surface" → "Lunar surface"). */
export const titleOfLabel = (label: string) => label.replace(/^\d+(\.\d+)*\s+/, "");
