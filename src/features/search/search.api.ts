import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../../http/openapi.js";
import { groupDigits } from "../../kit/numbers.js";
import { COUNT_CAP } from "./search.queries.js";
import { MAX_QUERY_LENGTH, SEARCH_PER_PAGE, searchTypes, withoutBlanks } from "./search.schemas.js";
import { searchSite } from "./search.service.js";

const ErrorRef = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const SearchHit = z
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

const SearchResponse = z
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

const query = z.object({
  q: z.string().openapi({
    description: `Words to find (web search syntax: "a phrase", -without, or); at most ${MAX_QUERY_LENGTH} characters`,
    example: "lunar volatiles",
  }),
  type: z.enum(searchTypes).optional(),
  year: z.string().optional().openapi({ example: "2024" }),
  page: z.string().optional().openapi({ example: "1" }),
});

/** Registers the search endpoint. */
export function registerSearchApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["Search"],
      summary: "Search everything public",
      description: `Ranked results, ${SEARCH_PER_PAGE} per page, over what a visitor may see: live news, publications (with the text of their PDF files), missions, member agencies (names, acronyms, aliases, countries), public meetings, working groups, technologies, gap assessments, FAQ answers and public pages.`,
      request: { query },
      responses: {
        200: { description: "Results", content: { "application/json": { schema: SearchResponse } } },
        422: { description: "Bad input", content: { "application/json": { schema: ErrorRef } } },
      },
    }),
    async (c) => {
      const deps = c.var.deps;
      const r = await searchSite(deps, c.var.actor, withoutBlanks(c.req.valid("query")));
      const base = deps.config.baseUrl.replace(/\/+$/, "");
      return c.json(
        {
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
        },
        200,
      );
    },
  );
}
