import { raw } from "hono/html";
import { renderMarkdown } from "../../../web/markdown.js";
import type { Publication } from "../../publications/publications.queries.js";
import { PublicationAccess } from "../../publications/views/publication-parts.js";
import type { Edition } from "../ger.queries.js";

/**
 * An edition published before the platform recorded missions, shown as the document it is: what
 * it says and where to read it, then where comparisons of recorded editions begin.
 */
export function EditionDocument(p: { e: Edition; document?: Publication; firstRecorded?: Edition }) {
  const { document, firstRecorded } = p;
  return (
    <section class="section" aria-labelledby="document-heading">
      <h2 id="document-heading">The document</h2>
      {document ? (
        <>
          {document.description ? <div class="prose">{raw(renderMarkdown(document.description))}</div> : null}
          <PublicationAccess p={document} />
          <p>
            <a href={`/publications/${document.slug}`}>{document.title} in the publications library</a>
          </p>
        </>
      ) : (
        <p>The document is not in the publications library yet.</p>
      )}
      <p class="muted">
        {p.e.name} came out before this platform recorded the missions of each edition, so its mission list
        cannot be compared.{" "}
        {firstRecorded ? (
          <>
            Comparisons start with{" "}
            <a href={`/roadmap/editions/${firstRecorded.slug}`}>{firstRecorded.name}</a>.
          </>
        ) : (
          <>
            The <a href="/roadmap">current plans</a> are on the roadmap.
          </>
        )}
      </p>
    </section>
  );
}
