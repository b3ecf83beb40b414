import { createRoute, z } from "@hono/zod-openapi";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { body, changeOf, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import type { AppContext } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { apiPerson, pageParam } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { parseInput } from "../../http/validation.js";
import { NEWS_PER_PAGE } from "./news.pages.js";
import { canManageNews, canReadArticle } from "./news.policy.js";
import { articleJson, NewsArticle } from "./news.presenter.js";
import { publishArticle, scheduleArticle, unpublishArticle } from "./news.publishing.service.js";
import { type Article, findArticleBySlug, listLiveArticles } from "./news.queries.js";
import { articleWrite, scheduleInput } from "./news.schemas.js";
import { createArticle, updateArticle } from "./news.service.js";

const NewsWrite = parsedByUseCase(articleWrite, "NewsWrite");
const NewsChange = parsedByUseCase(changeOf(articleWrite), "NewsChange");

const slugParam = z.object({ slug: z.string().openapi({ param: { name: "slug", in: "path" } }) });

/** Refuses a bad status change before anything is written, so a failed request changes nothing. */
function checkStatus(deps: Deps, input: Record<string, unknown>) {
  if (input.status === "draft")
    throw new AppError("validation_failed", "An article cannot go back to draft; unpublish it instead.", {
      status: "Use published, scheduled or unpublished.",
    });
  if (input.status !== "scheduled") return;
  const { publishAt } = parseInput(scheduleInput, { publishAt: input.publishAt });
  if (publishAt.getTime() <= deps.now().getTime())
    throw new AppError("validation_failed", "The request is not valid.", {
      publishAt: "Choose a time in the future, or publish the article now.",
    });
}

/** Applies a requested status change after a content save. */
async function applyStatus(deps: Deps, actor: Actor, a: Article, input: Record<string, unknown>) {
  const status = input.status;
  if (status === undefined || status === a.status) return a;
  if (status === "published") return publishArticle(deps, actor, a.id);
  if (status === "scheduled") return scheduleArticle(deps, actor, a.id, { publishAt: input.publishAt });
  if (status === "unpublished") return unpublishArticle(deps, actor, a.id);
  return a;
}

function requireManager(c: AppContext) {
  if (!canManageNews(apiPerson(c))) throw new AppError("forbidden", "Only the secretariat can write news.");
}

/** Registers the news endpoints. */
export function registerNewsApi(api: Api) {
  const tags = ["News"];
  api.openapi(
    createRoute({
      method: "get",
      path: "/news",
      tags,
      summary: "Published news, newest first",
      request: { query: z.object({ page: z.string().optional() }) },
      responses: {
        200: json(z.object({ data: z.array(NewsArticle), page: z.number(), total: z.number() }), "News"),
      },
    }),
    async (c) => {
      const deps = c.var.deps;
      const page = pageParam(c.req.valid("query").page);
      const { rows, total } = await listLiveArticles(deps.db, deps.now(), page, NEWS_PER_PAGE);
      return c.json({ data: rows.map((a) => articleJson(a, deps.config.baseUrl)), page, total }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/news/{slug}",
      tags,
      summary: "One published article",
      description: "Drafts, scheduled and unpublished articles are found only by the secretariat.",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: NewsArticle }), "The article"), 404: errors[404] },
    }),
    async (c) => {
      const deps = c.var.deps;
      const a = await findArticleBySlug(deps.db, c.req.valid("param").slug);
      if (!a || !canReadArticle(c.var.actor, a, deps.now()))
        throw new AppError("not_found", "No published article with this slug.");
      return c.json({ data: articleJson(a, deps.config.baseUrl) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/news",
      tags,
      summary: "Write an article",
      description: "Secretariat only. Saved as a draft unless `status` says published or scheduled.",
      security: [{ session: [] }],
      request: body(NewsWrite),
      responses: { 201: json(z.object({ data: NewsArticle }), "Created"), ...errors },
    }),
    async (c) => {
      const deps = c.var.deps;
      requireManager(c);
      const input = c.req.valid("json");
      if (input.status !== "draft") checkStatus(deps, input);
      const created = await createArticle(deps, c.var.actor, input);
      const a = await applyStatus(deps, c.var.actor, created, input);
      return c.json({ data: articleJson(a, deps.config.baseUrl) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/news/{slug}",
      tags,
      summary: "Change an article",
      description: "Secretariat only. Fields left out keep their value; a content change adds a revision.",
      security: [{ session: [] }],
      request: { params: slugParam, ...body(NewsChange) },
      responses: { 200: json(z.object({ data: NewsArticle }), "Updated"), ...errors },
    }),
    async (c) => {
      const deps = c.var.deps;
      requireManager(c);
      const current = await findArticleBySlug(deps.db, c.req.valid("param").slug);
      if (!current) throw new AppError("not_found", "No article with this slug.");
      const input = c.req.valid("json");
      if (input.status !== current.status) checkStatus(deps, input);
      const contentKeys = [
        "title",
        "date",
        "datePrecision",
        "place",
        "summary",
        "body",
        "imageUrl",
        "imageAlt",
      ] as const;
      let a = current;
      if (contentKeys.some((k) => k in input)) {
        const base = articleJson(current, "");
        const merged = Object.fromEntries(contentKeys.map((k) => [k, k in input ? input[k] : base[k]]));
        a = await updateArticle(deps, c.var.actor, current.id, merged);
      }
      a = await applyStatus(deps, c.var.actor, a, input);
      return c.json({ data: articleJson(a, deps.config.baseUrl) }, 200);
    },
  );
}
