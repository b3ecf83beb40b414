import { raw } from "hono/html";
import { Field, PageHeader, Pagination, Tag } from "../../../web/components.js";
import { formatPartialDate } from "../../../web/format.js";
import { COUNT_CAP } from "../search.queries.js";
import { type SearchType, searchTypes, typeLabels } from "../search.schemas.js";
import type { SearchHit, SearchResults } from "../search.service.js";

type Filters = { q: string; type?: SearchType; year?: number };

/** The address of a results page; filters and page left out when not set. */
export function searchHref(f: Filters & { page?: number }): string {
  const params = new URLSearchParams({ q: f.q });
  if (f.type) params.set("type", f.type);
  if (f.year) params.set("year", String(f.year));
  if (f.page && f.page > 1) params.set("page", String(f.page));
  return `/search?${params}`;
}

/** The search page: the form, then the results with their filters, or a prompt. */
export function SearchPage(p: { q: string; error?: string; results?: SearchResults }) {
  return (
    <div class="wrap">
      <PageHeader
        title="Search"
        lead="News, publications (including the text of their PDF files), missions, member agencies, meetings, working groups, technologies, gap assessments, the FAQ and the forum's pages."
      />
      <search aria-label="Search the site">
        <form method="get" action="/search" class="search-form" novalidate>
          <Field
            name="q"
            type="search"
            label="Search for"
            value={p.q}
            required
            hint={
              p.q
                ? undefined
                : "Type one or more words. Use quotes for a phrase and a minus sign to leave a word out."
            }
            errors={p.error ? { q: p.error } : undefined}
          />
          <button class="button" type="submit">
            Search
          </button>
        </form>
      </search>
      {p.results ? <Results r={p.results} /> : p.error ? null : <Prompt />}
    </div>
  );
}

function Prompt() {
  return (
    <div class="empty-state">
      <p class="empty-title">What are you looking for?</p>
      <p>
        Try <a href={searchHref({ q: "global exploration roadmap" })}>global exploration roadmap</a>,{" "}
        <a href={searchHref({ q: "lunar volatiles" })}>lunar volatiles</a>,{" "}
        <a href={searchHref({ q: "Artemis" })}>Artemis</a> or{" "}
        <a href={searchHref({ q: "membership" })}>membership</a>.
      </p>
    </div>
  );
}

function Results({ r }: { r: SearchResults }) {
  const filtered = r.type !== undefined || r.year !== undefined;
  return (
    <div class="search-layout">
      <section class="search-main" aria-labelledby="search-count">
        <h2 id="search-count" class="search-count" role="status">
          <Summary r={r} />
        </h2>
        {r.hits.length > 0 ? (
          <ol class="search-results" start={(r.page - 1) * r.perPage + 1}>
            {r.hits.map((h) => (
              <Hit h={h} />
            ))}
          </ol>
        ) : r.total > 0 ? (
          <p>
            There {r.pages === 1 ? "is only one page" : `are only ${r.pages} pages`} of results.{" "}
            <a href={searchHref({ ...r, page: 1 })}>Go to the first page</a>.
          </p>
        ) : (
          <NoResults r={r} filtered={filtered} />
        )}
        <Pagination page={r.page} pages={r.pages} href={(page) => searchHref({ ...r, page })} />
      </section>
      {r.byType.all > 0 || filtered ? <FilterLinks r={r} /> : null}
    </div>
  );
}

/** A count as people read it: "1,234", or "1,000+" when counting stopped at the cap. */
export const countText = (n: number, capped: boolean) => `${n.toLocaleString("en")}${capped ? "+" : ""}`;

function Summary({ r }: { r: SearchResults }) {
  const what = r.type ? ` in ${typeLabels[r.type].many}` : "";
  const when = r.year ? ` from ${r.year}` : "";
  const count =
    r.total === 0
      ? "No results"
      : r.total === 1 && !r.capped
        ? "1 result"
        : `${countText(r.total, r.capped)} results`;
  return (
    <>
      {count} for “{r.q}”{what}
      {when}
    </>
  );
}

function Hit({ h }: { h: SearchHit }) {
  return (
    <li class="search-result">
      <h3>
        <a href={h.url}>{raw(h.titleHtml)}</a>
      </h3>
      <p class="search-meta">
        <Tag tone={h.type === "news" ? "accent" : "muted"}>{typeLabels[h.type].one}</Tag>
        {h.date && h.precision ? <span>{formatPartialDate(h.date, h.precision)}</span> : null}
      </p>
      {h.snippetHtml ? <p class="search-snippet">{raw(h.snippetHtml)}</p> : null}
    </li>
  );
}

function NoResults({ r, filtered }: { r: SearchResults; filtered: boolean }) {
  return (
    <div class="empty-state search-empty">
      <p class="empty-title">Nothing matched your search.</p>
      <ul>
        {filtered ? (
          <li>
            <a href={searchHref({ q: r.q })}>Search all types and years</a> instead.
          </li>
        ) : null}
        <li>Check the spelling, or use fewer or more general words.</li>
        <li>Very common words (such as “the” or “and”) are not searched on their own.</li>
        <li>
          Browse the <a href="/news">news</a>, the <a href="/publications">publications</a>, the{" "}
          <a href="/roadmap">roadmap</a>, the <a href="/members">members</a> or the <a href="/faq">FAQ</a>.
        </li>
      </ul>
    </div>
  );
}

function FilterLink(p: { href: string; label: string; n: number; capped?: boolean; current: boolean }) {
  const text = `${p.label} (${countText(p.n, p.capped === true && p.n > 0)})`;
  if (p.current)
    return (
      <a href={p.href} aria-current="true">
        {text}
      </a>
    );
  return p.n > 0 ? <a href={p.href}>{text}</a> : <span class="muted">{text}</span>;
}

function FilterLinks({ r }: { r: SearchResults }) {
  return (
    <aside class="search-filters" aria-label="Filter results">
      <h2>Type</h2>
      <ul>
        <li>
          <FilterLink
            href={searchHref({ q: r.q, year: r.year })}
            label="All types"
            n={r.byType.all}
            capped={r.byTypeCapped.all}
            current={!r.type}
          />
        </li>
        {searchTypes.map((t) => (
          <li>
            <FilterLink
              href={searchHref({ q: r.q, type: t, year: r.year })}
              label={typeLabels[t].many}
              n={r.byType[t]}
              capped={r.byTypeCapped[t]}
              current={r.type === t}
            />
          </li>
        ))}
      </ul>
      {r.byYear.length > 0 || r.year ? (
        <>
          <h2>Year</h2>
          <ul>
            <li>
              <FilterLink
                href={searchHref({ q: r.q, type: r.type })}
                label="Any year"
                n={r.anyYear}
                capped={r.anyYearCapped}
                current={!r.year}
              />
            </li>
            {r.byYear.map((y) => (
              <li>
                <FilterLink
                  href={searchHref({ q: r.q, type: r.type, year: y.year })}
                  label={String(y.year)}
                  n={y.n}
                  capped={y.capped}
                  current={r.year === y.year}
                />
              </li>
            ))}
          </ul>
          <p class="small muted">
            Only news, publications, missions (by launch) and meetings have a date, so a year leaves the
            others out.
          </p>
          {r.byTypeCapped.all ? (
            <p class="small muted">
              Counting stops at {COUNT_CAP.toLocaleString("en")} results of a type; “+” means at least that
              many. Add words to narrow the search.
            </p>
          ) : null}
        </>
      ) : null}
    </aside>
  );
}
