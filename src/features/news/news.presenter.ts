import { z } from "@hono/zod-openapi";
import { articleStatuses, newsDatePrecisions } from "../../db/schema/index.js";
import { renderMarkdown } from "../../web/markdown.js";
import type { Article } from "./news.queries.js";

/** An article in the API, public or the secretariat's. */
export const NewsArticle = z
  .object({
    slug: z.string().openapi({ example: "isecg-meeting-in-songdo" }),
    title: z.string(),
    date: z.string().openapi({ description: "The date of the news or event, YYYY-MM-DD" }),
    datePrecision: z
      .enum(newsDatePrecisions)
      .openapi({ description: "How much of the date is known; a month or year is given as its first day" }),
    place: z.string().nullable(),
    summary: z.string(),
    body: z.string().openapi({ description: "Markdown" }),
    html: z
      .string()
      .openapi({ description: "The body rendered to HTML (raw HTML in the source is escaped)" }),
    imageUrl: z.string().nullable(),
    imageAlt: z.string().nullable(),
    status: z.enum(articleStatuses),
    publishAt: z.string().nullable(),
    url: z.string(),
    uncertain: z.boolean(),
    sources: z.array(z.string()),
  })
  .openapi("NewsArticle");

/** The public and the secretariat's shape of an article. */
export function articleJson(a: Article, baseUrl: string): z.infer<typeof NewsArticle> {
  return {
    slug: a.slug,
    title: a.title,
    date: a.newsDate,
    datePrecision: a.datePrecision,
    place: a.place,
    summary: a.summary,
    body: a.body,
    html: renderMarkdown(a.body),
    imageUrl: a.imageUrl,
    imageAlt: a.imageAlt,
    status: a.status,
    publishAt: a.publishAt?.toISOString() ?? null,
    url: `${baseUrl.replace(/\/+$/, "")}/news/${a.slug}`,
    uncertain: a.uncertain,
    sources: a.sources,
  };
}
