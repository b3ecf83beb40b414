// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import { type ArticleContent, newsDatePrecisions } from "../../db/schema/index.js";
import { slugify } from "../../kit/slugs.js";
import { optionalText } from "../../kit/zod.js";

/** A calendar day as YYYY-MM-DD that really exists. */
export const isoDay = z
  .string({ error: "Enter the date as YYYY-MM-DD." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD.")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "This is not a real date.");

/** The editable content of an article, field by field, as the form and the API send it. */
export const articleFields = z.object({
  title: z
    .string({ error: "Enter a title." })
    .trim()
    .min(3, "Enter a title (at least 3 characters).")
    .max(200, "Use at most 200 characters."),
  date: isoDay.meta({ example: "2025-03-14" }),
  datePrecision: z
    .enum(newsDatePrecisions, { error: "Choose how the date is shown." })
    .default("day")
    .meta({ description: "day (the default), month or year" }),
  place: optionalText(200),
  summary: z
    .string({ error: "Enter a short summary." })
    .trim()
    .min(10, "Enter a short summary (at least 10 characters).")
    .max(600, "Use at most 600 characters."),
  body: z
    .string({ error: "Enter the text of the article." })
    .trim()
    .min(1, "Enter the text of the article.")
    .max(50_000, "Use at most 50,000 characters.")
    .meta({ description: "Markdown; raw HTML is shown as text" }),
  imageUrl: optionalText(2000)
    .refine(
      (v) => v === null || /^https:\/\/[^\s"<>]+$/.test(v),
      "Enter a full image address starting with https://.",
    )
    .meta({ description: "https address; needs imageAlt" }),
  imageAlt: optionalText(300),
});

/** The editable content of an article: an image comes with its alternative text. */
export const articleInput = articleFields.refine((a) => a.imageUrl === null || a.imageAlt !== null, {
  path: ["imageAlt"],
  message: "Describe the image for people who cannot see it (alternative text).",
});

/**
 * A publication time: "YYYY-MM-DDTHH:MM" from the form (read as UTC) or a full ISO timestamp
 * with an offset from the API.
 */
export const publishTime = z
  .string({ error: "Enter the publication time as YYYY-MM-DD HH:MM (UTC)." })
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/,
    "Enter the publication time as YYYY-MM-DD HH:MM (UTC).",
  )
  .transform((v, ctx) => {
    const text = v.replace(" ", "T");
    const d = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "This is not a real date and time." });
      return z.NEVER;
    }
    return d;
  });

export const scheduleInput = z.object({ publishAt: publishTime });

/**
 * An article written through the API: its content and, optionally, a status to move it to (the
 * use cases check the content; `scheduled` needs a `publishAt` in the future).
 */
export const articleWrite = articleFields.extend({
  status: z
    .enum(["draft", "published", "scheduled", "unpublished"])
    .optional()
    .meta({ description: "Change the status; `scheduled` needs publishAt" }),
  publishAt: z.string().optional().meta({ example: "2025-03-14T09:00:00Z" }),
});

/** The columns an input sets (the slug is made once, at creation, and then kept). */
export function toContent(input: z.infer<typeof articleInput>): ArticleContent {
  return {
    title: input.title,
    newsDate: input.date,
    datePrecision: input.datePrecision,
    place: input.place,
    summary: input.summary,
    body: input.body,
    imageUrl: input.imageUrl,
    imageAlt: input.imageUrl ? input.imageAlt : null,
  };
}

/** Turns a title into an address segment: lower-case ASCII words joined by hyphens, at most 80 characters. */
export function slugFromTitle(title: string): string {
  const slug = slugify(title.replace(/&/g, " and "));
  const cut = slug.length > 80 ? slug.slice(0, 80).replace(/-[^-]*$/, "") : slug;
  return cut || "article";
}

/** The first of `base`, `base-2`, `base-3`… that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
