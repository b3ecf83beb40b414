import type { Deps } from "../../deps.js";
import { parseInput } from "../../http/validation.js";
import type { Actor } from "../auth/actor.js";
import { contentPageRoutes } from "../pages/pages.pages.js";
import { type Facet, type SearchRow, searchFacets, searchPage } from "./search.queries.js";
import { SEARCH_PER_PAGE, type SearchType, searchInput } from "./search.schemas.js";
import { renderSnippet, stripMarkdown, unmark } from "./search.snippet.js";

/** One result as pages and the API show it. */
export type SearchHit = {
  type: SearchType;
  title: string;
  /** The title with matches in <mark>, safe HTML. */
  titleHtml: string;
  /** A passage around the matches, matches in <mark>, safe HTML. */
  snippetHtml: string;
  /** The same passage as plain text. */
  snippet: string;
  url: string;
  date: string | null;
  /** How precise `date` is (publications may be dated by year or month only). */
  precision: "year" | "month" | "day" | null;
  year: number | null;
};

/** A page of results with the counts the filters show. */
export type SearchResults = {
  q: string;
  type?: SearchType;
  year?: number;
  page: number;
  pages: number;
  perPage: number;
  /** Results matching the query and both filters. */
  total: number;
  /** Per type, with the year filter applied; `all` is every type. */
  byType: Record<SearchType | "all", number>;
  /** Results with the type filter but no year filter (the "any year" link). */
  anyYear: number;
  /** Per year (newest first), with the type filter applied; undated results are not counted here. */
  byYear: Array<{ year: number; n: number }>;
  hits: SearchHit[];
};

const pagePaths = new Map(contentPageRoutes.map((r) => [r.slug, r.path]));

/** Where a result lives on the site (FAQ answers are anchors on /faq). */
export function urlOf(type: SearchType, slug: string): string {
  if (type === "news") return `/news/${slug}`;
  if (type === "publication") return `/publications/${slug}`;
  if (type === "faq") return `/faq#${slug}`;
  return pagePaths.get(slug) ?? "/";
}

function toHit(r: SearchRow): SearchHit {
  const snippetMarked = stripMarkdown(r.snippetMarked ?? "");
  return {
    type: r.type,
    title: r.title,
    titleHtml: renderSnippet(r.titleMarked ?? r.title),
    snippetHtml: renderSnippet(snippetMarked),
    snippet: unmark(snippetMarked),
    url: urlOf(r.type, r.slug),
    date: r.date,
    precision: r.date ? (r.precision ?? "day") : null,
    year: r.year,
  };
}

function countFacets(facets: Facet[], type?: SearchType, year?: number) {
  const byType = { all: 0, news: 0, publication: 0, faq: 0, page: 0 };
  const years = new Map<number, number>();
  let anyYear = 0;
  for (const f of facets) {
    if (type === undefined || f.type === type) anyYear += f.n;
    if (year === undefined || f.year === year) {
      byType[f.type] += f.n;
      byType.all += f.n;
    }
    if (f.year !== null && (type === undefined || f.type === type))
      years.set(f.year, (years.get(f.year) ?? 0) + f.n);
  }
  const byYear = [...years].map(([y, n]) => ({ year: y, n })).sort((a, b) => b.year - a.year);
  return { byType, anyYear, byYear, total: type ? byType[type] : byType.all };
}

/**
 * Searches news, publications (with their PDF text), FAQ answers and content pages for what the
 * actor may read: everything public, never drafts or scheduled news. Bad input is a validation error.
 */
export async function searchSite(deps: Deps, _actor: Actor, input: unknown): Promise<SearchResults> {
  const { q, type, year, page } = parseInput(searchInput, input);
  const params = {
    q,
    type,
    year,
    page,
    perPage: SEARCH_PER_PAGE,
    now: deps.now(),
    pageSlugs: [...pagePaths.keys()],
  };
  const { byType, anyYear, byYear, total } = countFacets(await searchFacets(deps.db, params), type, year);
  const rows = (page - 1) * SEARCH_PER_PAGE < total ? await searchPage(deps.db, params) : [];
  return {
    q,
    type,
    year,
    page,
    pages: Math.max(1, Math.ceil(total / SEARCH_PER_PAGE)),
    perPage: SEARCH_PER_PAGE,
    total,
    byType,
    anyYear,
    byYear,
    hits: rows.map(toHit),
  };
}
