import MarkdownIt from "markdown-it";

// Raw HTML is off: authors write Markdown, never markup; unsafe link schemes are refused by markdown-it.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** Renders trusted-structure Markdown to HTML that is safe to embed. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
