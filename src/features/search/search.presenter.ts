import { z } from "@hono/zod-openapi";
import { groupDigits } from "../../kit/numbers.js";
import { COUNT_CAP } from "./search.queries.js";
import { searchTypes } from "./search.schemas.js";
import type { SearchResults } from "./search.service.js";

/** One search result in the API. */
export const SearchHit = z
  .object({
    type: z.enum(searchTypes),
    title: z.string(),
    titleHtml: z.string().openapi({ description: "The title, HTML-escaped, matches in <mark>" }),
    snippet: z.string().openapi({ description: "A passage around the matches, plain text" }),
    snippetHtml: z.string().openapi({ description: "The same passage, HTML-escaped, matches in <mark>" }),
    url: z.string().openapi({
      description: "Absolute address of the item (FAQ answers: /faq#anchor; technologies: /technology#code)",
    }),
    date: z.string().nullable().openapi({
      description: "YYYY-MM-DD (a mission's launch, a meeting's first day); null for undated types",
    }),
    precision: z.enum(["year", "month", "day"]).nullable(),
    year: z.number().nullable(),
  })
  .openapi("SearchHit");

/** A page of search results with the counts by type and by year. */
export const SearchResponse = z
  .object({
    data: z.array(SearchHit),
    q: z.string(),
    type: z.enum(searchTypes).nullable(),
    year: z.number().nullable(),
    page: z.number(),
    pages: z.number(),
    perPage: z.number(),
    total: z.number().openapi({
      description: `Results matching the query and both filters; at least this many when \`capped\``,
    }),
    capped: z.boolean().openapi({
      description: `Counting stopped at ${COUNT_CAP} matches of a type, so \`total\` is a lower bound (shown as "${groupDigits(COUNT_CAP)}+")`,
    }),
    counts: z.object({
      byType: z.record(z.string(), z.number()).openapi({
        description: "Per type (and `all`), with the year filter applied",
      }),
      byTypeCapped: z.record(z.string(), z.boolean()).openapi({
        description: "Per type (and `all`): true when that count is a lower bound",
      }),
      byYear: z.array(z.object({ year: z.number(), n: z.number(), capped: z.boolean() })).openapi({
        description: `Per year, newest first, with the type filter applied; \`capped\`: counted among the first ${COUNT_CAP} matches only, a lower bound`,
      }),
    }),
  })
  .openapi("SearchResults");

/** A page of search results for the API, the hits' addresses made absolute with `baseUrl`. */
export function searchResultsJson(r: SearchResults, baseUrl: string): z.infer<typeof SearchResponse> {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    data: r.hits.map((h) => ({ ...h, url: `${base}${h.url}` })),
    q: r.q,
    type: r.type ?? null,
    year: r.year ?? null,
    page: r.page,
    pages: r.pages,
    perPage: r.perPage,
    total: r.total,
    capped: r.capped,
    counts: { byType: r.byType, byTypeCapped: r.byTypeCapped, byYear: r.byYear },
  };
}
