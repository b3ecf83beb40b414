import { raw } from "hono/html";
import { PageHeader } from "../../../web/components.js";
import { renderMarkdown } from "../../../web/markdown.js";
import type { editionLineage, Publication } from "../publications.queries.js";
import { categoryLabels } from "../publications.schemas.js";
import { PublicationAccess, PublicationDate } from "./publication-parts.js";

type Lineage = Awaited<ReturnType<typeof editionLineage>>;

/** One publication: its details, how to read it, its consensus record and its other editions. */
export function PublicationPage({
  p,
  lineage,
  productSlug,
}: {
  p: Publication;
  lineage: Lineage;
  /** The consensus product it was published from, whose record members can read. */
  productSlug: string | null;
}) {
  const editions = [...lineage.before, { ...p, current: true }, ...lineage.after];
  return (
    <div class="wrap prose-page">
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href="/publications">Publications</a> › {categoryLabels[p.category]}
      </nav>
      <PageHeader eyebrow={categoryLabels[p.category]} title={p.title} />
      <dl class="details">
        <dt>Date</dt>
        <dd>
          <PublicationDate p={p} />
        </dd>
        {p.postedOn && p.publishedOn && p.publishedPrecision ? (
          <>
            <dt>Published</dt>
            <dd>
              <PublicationDate p={{ ...p, postedOn: null }} />
            </dd>
          </>
        ) : null}
        {p.editionLabel ? (
          <>
            <dt>Edition</dt>
            <dd>{p.editionLabel}</dd>
          </>
        ) : null}
        {p.producedBy ? (
          <>
            <dt>Produced by</dt>
            <dd>{p.producedBy}</dd>
          </>
        ) : null}
      </dl>
      {p.description ? <div class="prose">{raw(renderMarkdown(p.description))}</div> : null}
      <PublicationAccess p={p} />
      {productSlug ? (
        <p>
          <a href={`/private/products/${productSlug}/record`}>Consensus record</a>{" "}
          <span class="muted">(members: how the text was agreed)</span>
        </p>
      ) : null}
      {editions.length > 1 ? (
        <section aria-labelledby="editions">
          <h2 id="editions">Other editions</h2>
          <ol class="editions">
            {editions.map((e) =>
              "current" in e ? (
                <li aria-current="page">
                  <strong>{e.editionLabel ?? e.title}</strong> <span class="muted">(this page)</span>
                </li>
              ) : (
                <li>
                  <a href={`/publications/${e.slug}`}>{e.editionLabel ?? e.title}</a>
                  {e.editionLabel ? <span class="muted"> · {e.title}</span> : null}
                </li>
              ),
            )}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
