import MarkdownIt from "markdown-it";

// Raw HTML is off: authors write Markdown, never markup; unsafe link schemes are refused by markdown-it.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** Renders trusted-structure Markdown to HTML that is safe to embed. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Markdown as one line of plain text (for a select option or a mail subject): no markup shown raw. */
export function markdownToPlain(source: string): string {
  const out: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type === "inline") {
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") out.push(child.content);
        else if (child.type === "softbreak" || child.type === "hardbreak") out.push(" ");
        else if (child.type === "image") out.push(child.content);
      }
    } else if (token.block && token.nesting === -1) out.push(" ");
    else if (token.type === "code_block" || token.type === "fence") out.push(` ${token.content} `);
  }
  return out.join("").replace(/\s+/g, " ").trim();
}
