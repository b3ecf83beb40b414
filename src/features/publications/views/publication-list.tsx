import { type PublicationCategory, publicationCategories } from "../../../db/schema/index.js";
import { EmptyState, PageHeader, Pagination } from "../../../web/components.js";
import type { PublicationSummary } from "../publications.queries.js";
import { categoryLabels } from "../publications.schemas.js";
import { PublicationItem } from "./publication-parts.js";

/** The public library: the feeds, the category and year filters, the publications and the pages. */
export function PublicationList(p: {
  f: { category?: PublicationCategory; year?: number };
  years: number[];
  rows: PublicationSummary[];
  total: number;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const { f, total } = p;
  const filtered = !!(f.category || f.year);
  return (
    <div class="wrap">
      <PageHeader
        title="Publications"
        lead="Roadmaps, annual reports, technology assessments, white papers and the terms of reference, newest first."
        actions={
          <p class="feed-links small">
            Follow: <a href="/feeds/publications.atom">Atom feed</a> ·{" "}
            <a href="/feeds/publications.rss">RSS feed</a>
          </p>
        }
      />
      <form method="get" action="/publications" class="filters" aria-label="Filter publications">
        <label>
          Category
          <select name="category">
            <option value="">All categories</option>
            {publicationCategories.map((k) => (
              <option value={k} selected={k === f.category}>
                {categoryLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Year
          <select name="year">
            <option value="">All years</option>
            {p.years.map((y) => (
              <option value={String(y)} selected={y === f.year}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button class="button" type="submit">
          Show
        </button>
        {filtered ? <a href="/publications">Clear filters</a> : null}
      </form>
      <p class="muted" role="status">
        {total === 1 ? "1 publication" : `${total} publications`}
        {filtered ? " match these filters" : ""}.
      </p>
      {p.rows.length === 0 ? (
        <EmptyState title={filtered ? "No publication matches these filters." : "No publications yet."}>
          {filtered ? <a href="/publications">Show all publications</a> : null}
        </EmptyState>
      ) : (
        <ul class="pub-list">
          {p.rows.map((r) => (
            <PublicationItem p={r} />
          ))}
        </ul>
      )}
      <Pagination page={p.page} pages={p.pages} href={p.href} />
    </div>
  );
}
