import type { AppContext } from "../../http/env.js";
import { pageParam } from "../../http/guards.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { MAX_QUERY_LENGTH, searchTypes } from "./search.schemas.js";
import { searchSite } from "./search.service.js";
import { SearchPage } from "./views/search-page.js";

/** Reads the address leniently: an unknown type or year is ignored, as if no filter were set. */
function readQuery(c: AppContext) {
  const type = c.req.query("type");
  const year = c.req.query("year") ?? "";
  return {
    q: (c.req.query("q") ?? "").replace(/\s+/g, " ").trim(),
    type: searchTypes.find((t) => t === type),
    year: /^(19|20|21)\d\d$/.test(year) ? Number(year) : undefined,
    page: Math.min(pageParam(c.req.query("page")), 10_000),
  };
}

const queryError = (q: string) =>
  q.length > MAX_QUERY_LENGTH
    ? `Your search is ${q.length} characters long. Use at most ${MAX_QUERY_LENGTH}: a few distinctive words work best.`
    : undefined;

async function search(c: AppContext) {
  const input = readQuery(c);
  const error = queryError(input.q);
  const results = input.q && !error ? await searchSite(c.var.deps, c.var.actor, input) : undefined;
  return renderPage(
    c,
    {
      title: results ? `Search: ${input.q}` : "Search",
      description:
        "Search the forum's news, publications, missions, members, meetings, working groups, technologies, gap assessments, FAQ and pages.",
      body: () => <SearchPage q={input.q} error={error} results={results} />,
    },
    error ? 422 : 200,
  );
}

/** The public search page. */
export const searchPages = pageGroup([["GET", "/search", search]]);
