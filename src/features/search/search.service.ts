import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { parseInput } from "../../http/validation.js";
import { contentPageRoutes } from "../pages/pages.pages.js";
import { candidatesOf, countMatches, withinFilters } from "./search.counts.service.js";
import { parseQuery, RANK_CANDIDATES, type SearchRow, searchMatches, searchPage } from "./search.queries.js";
import { SEARCH_PER_PAGE, type SearchType, searchInput } from "./search.schemas.js";
import { renderSnippet, stripMarkdown, unmark } from "./search.snippet.service.js";

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
  /** Results matching the query and both filters (at least this many when `capped`). */
  total: number;
  /** Counting stopped at COUNT_CAP (search.queries.ts) matches of some type: `total` is a lower bound ("1,000+"). */
  capped: boolean;
  /** Per type, with the year filter applied; `all` is every type. */
  byType: Record<SearchType | "all", number>;
  /** Which of `byType` are lower bounds because counting stopped at the cap. */
  byTypeCapped: Record<SearchType | "all", boolean>;
  /** Results with the type filter but no year filter (the "any year" link). */
  anyYear: number;
  anyYearCapped: boolean;
  /**
   * Per year (newest first), with the type filter applied; undated results are not counted here.
   * When the type's matches were capped, these come from the first COUNT_CAP matches: lower bounds.
   */
  byYear: Array<{ year: number; n: number; capped: boolean }>;
  hits: SearchHit[];
};

const pagePaths = new Map(contentPageRoutes.map((r) => [r.slug, r.path]));

/**
 * Where a result lives on the site. FAQ answers are anchors on /faq; technologies have no page of
 * their own and are anchors (their code) in the Critical Technology List on /technology.
 */
export function urlOf(type: SearchType, slug: string): string {
  switch (type) {
    case "news":
      return `/news/${slug}`;
    case "publication":
      return `/publications/${slug}`;
    case "mission":
      return `/roadmap/missions/${slug}`;
    case "member":
      return `/members/${slug}`;
    case "meeting":
      return `/meetings/${slug}`;
    case "group":
      return `/groups/${slug}`;
    case "technology":
      return `/technology#${slug}`;
    case "assessment":
      return `/technology/assessments/${slug}`;
    case "faq":
      return `/faq#${slug}`;
    case "page":
      return pagePaths.get(slug) ?? "/";
  }
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

/**
 * Searches news, publications (with their PDF text), missions, members, public meetings, groups,
 * technologies, gap assessments, FAQ answers and content pages for what a visitor may read:
 * everything public, never drafts, scheduled news or members-only meetings, never curation notes.
 * Bad input is a validation error.
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
  const parsed = await parseQuery(deps.db, q);
  // One sample of each type's matches (capped) gives the filter counts and the newest candidates.
  const all = await searchMatches(deps.db, { ...params, type: undefined, year: undefined }, parsed);
  const { totals: _, ...counts } = countMatches(all, type, year);
  let chosen = withinFilters(all, type, year);
  if (year !== undefined && counts.capped) {
    // A year's count in a capped sample is only a lower bound: sample that year's matches instead.
    chosen = await searchMatches(deps.db, params, parsed);
    Object.assign(counts, countMatches(chosen, type, year).totals);
  }
  const wanted = RANK_CANDIDATES + page * SEARCH_PER_PAGE;
  const rows =
    (page - 1) * SEARCH_PER_PAGE < counts.total
      ? await searchPage(deps.db, params, parsed, candidatesOf(chosen.matches, wanted))
      : [];
  return {
    q,
    type,
    year,
    page,
    pages: Math.max(1, Math.ceil(counts.total / SEARCH_PER_PAGE)),
    perPage: SEARCH_PER_PAGE,
    ...counts,
    hits: rows.map(toHit),
  };
}
