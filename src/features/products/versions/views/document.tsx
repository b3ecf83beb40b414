import { html, raw } from "hono/html";
import { parseSections } from "../../../../domain/sections.js";
import type { DiffPart, SectionDiff } from "../../../../domain/text-diff.js";
import { renderMarkdown } from "../../../../web/markdown.js";

/** A heading of the right level for its depth below the page's own headings. */
const heading = (level: number, anchor: string, number: string, title: string) => {
  const n = Math.min(6, level);
  return html`<h${raw(String(n))} id="${anchor}" class="numbered-heading"><span class="section-number">${number}</span> ${title} <a class="section-link" href="#${anchor}" aria-label="Link to section ${number}">#</a></h${raw(String(n))}>`;
};

/**
 * A version's text with numbered sections and stable anchors. `topLevel` is the heading level of a
 * level-1 section (2 when the page's title is the only heading above it).
 */
export function NumberedDocument(p: {
  body: string;
  topLevel?: number;
  /** Where to comment on a section, when the reader may comment in an open round on this version. */
  commentHref?: (anchor: string) => string;
}) {
  const doc = parseSections(p.body);
  const top = p.topLevel ?? 2;
  return (
    <div class="prose numbered-document">
      {doc.preamble ? raw(renderMarkdown(doc.preamble)) : null}
      {doc.sections.map((s) => (
        <section aria-labelledby={s.anchor}>
          {heading(top + s.level - 1, s.anchor, s.number, s.title)}
          {s.body ? raw(renderMarkdown(s.body)) : null}
          {p.commentHref ? (
            <p class="small">
              <a href={p.commentHref(s.anchor)}>
                Comment on section {s.number}
                <span class="visually-hidden"> {s.title}</span>
              </a>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}

/** Inserted and deleted runs as <ins>/<del>, which say "inserted"/"deleted" to screen readers too. */
export const DiffParts = ({ parts }: { parts: DiffPart[] }) => (
  <>
    {parts.map((part) =>
      part.kind === "ins" ? (
        <ins>
          <span class="visually-hidden">[inserted: </span>
          {part.text}
          <span class="visually-hidden">]</span>
        </ins>
      ) : part.kind === "del" ? (
        <del>
          <span class="visually-hidden">[deleted: </span>
          {part.text}
          <span class="visually-hidden">]</span>
        </del>
      ) : (
        part.text
      ),
    )}
  </>
);

const changeLabels = {
  unchanged: "Unchanged",
  changed: "Changed",
  added: "Added",
  removed: "Removed",
} as const;

/** A section's name in a diff: its number(s) and title in the new version (or the old one if removed). */
function sectionName(d: SectionDiff) {
  if (!d.from && !d.to) return "Before the first heading";
  const numbers =
    d.from && d.to && d.from.number !== d.to.number
      ? `${d.from.number} → ${d.to.number}`
      : (d.to ?? d.from)!.number;
  return `${numbers} ${(d.to ?? d.from)!.title}`;
}

/** The section-by-section diff; unchanged sections are listed but folded. */
export function DiffView({ diff }: { diff: SectionDiff[] }) {
  return (
    <div class="text-diff">
      {diff.map((d) => (
        <section class={`diff-section diff-${d.change}`}>
          <h3>
            {sectionName(d)}{" "}
            <span
              class={`tag tag-${d.change === "unchanged" ? "muted" : d.change === "removed" ? "warn" : "accent"}`}
            >
              {changeLabels[d.change]}
            </span>
          </h3>
          {d.title.length ? (
            <p>
              Heading: <DiffParts parts={d.title} />
            </p>
          ) : null}
          {d.body.length === 0 ? (
            <p class="muted">No text under this heading.</p>
          ) : d.change === "unchanged" ? (
            <details>
              <summary>Show the unchanged text</summary>
              <pre class="diff-text">{d.body.map((p) => p.text).join("")}</pre>
            </details>
          ) : (
            <pre class="diff-text">
              <DiffParts parts={d.body} />
            </pre>
          )}
        </section>
      ))}
    </div>
  );
}
