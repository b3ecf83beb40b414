/**
 * Snippets come from PostgreSQL's ts_headline with these two control characters around matches.
 * Rendering escapes every character of the text and turns only these markers into <mark>, so no
 * markup from the content can ever come through.
 */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

/** The ts_headline options for body snippets and for titles (where every match is marked). */
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
export const TITLE_HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => escapes[ch] ?? ch);
}

/** Removes Markdown syntax a reader should not see in a snippet: links keep their text. */
export function stripMarkdown(text: string): string {
  return (
    text
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      // A fragment may start or end inside a link: drop what is left of its address and brackets.
      .replace(/\]\([^)\s]*\)?/g, "")
      .replace(/!?\[(?=\S)/g, "")
      .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
      .replace(/(\*\*|__|`+|~~)/g, "")
      .replace(/(^|\s)[*_]([^\s*_][^*_]*?)[*_](?=\s|[.,;:!?]|$)/g, "$1$2")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/**
 * Turns a marked snippet into safe HTML: everything escaped, markers into balanced <mark> elements
 * (a stray end marker is dropped, an unclosed start is closed).
 */
export function renderSnippet(marked: string): string {
  let out = "";
  let text = "";
  let open = false;
  const flush = () => {
    out += escapeHtml(text);
    text = "";
  };
  for (const ch of marked) {
    if (ch === MARK_START) {
      flush();
      if (!open) out += "<mark>";
      open = true;
    } else if (ch === MARK_END) {
      flush();
      if (open) out += "</mark>";
      open = false;
    } else text += ch;
  }
  flush();
  return open ? `${out}</mark>` : out;
}

/** The markers removed: the plain text of a snippet or title (for the JSON API and link text). */
export const unmark = (marked: string) => marked.split(MARK_START).join("").split(MARK_END).join("");
