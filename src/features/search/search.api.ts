import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../../http/openapi.js";
import { SearchResponse, searchResultsJson } from "./search.presenter.js";
import { MAX_QUERY_LENGTH, SEARCH_PER_PAGE, searchTypes, withoutBlanks } from "./search.schemas.js";
import { searchSite } from "./search.service.js";

const ErrorRef = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

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
      return c.json(searchResultsJson(r, deps.config.baseUrl), 200);
    },
  );
}
