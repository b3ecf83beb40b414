/**
 * The narrative parts' Markdown read as simple blocks (headings, paragraphs, bullet lists) for the
 * PDF, which has no HTML to lean on. Inline markup is reduced to its text.
 */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] };

/** Text without Markdown's inline markup: emphasis marks dropped, links reduced to their words. */
export function plainInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_[\]()#+\-.!])/g, "$1");
}

/** Splits Markdown into blocks. */
export function markdownBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: plainInline(paragraph.join(" ")) });
    paragraph = [];
    if (list) blocks.push({ kind: "list", items: list.map(plainInline) });
    list = null;
  };
  for (const raw of source.split("\n")) {
    const line = raw.trim();
    const item = /^[-*+]\s+(.*)$/.exec(line) ?? /^\d+[.)]\s+(.*)$/.exec(line);
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (line === "") flush();
    else if (heading) {
      flush();
      blocks.push({ kind: "heading", text: plainInline(heading[1]!.replace(/#+$/, "").trim()) });
    } else if (item) {
      if (paragraph.length) {
        blocks.push({ kind: "paragraph", text: plainInline(paragraph.join(" ")) });
        paragraph = [];
      }
      list ??= [];
      list.push(item[1]!);
    } else if (list && raw.startsWith("  ")) list[list.length - 1] += ` ${line}`;
    else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
