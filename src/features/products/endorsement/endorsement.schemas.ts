// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import { optionalText } from "../../../kit/zod.js";

export const newsChoices = ["none", "draft", "published"] as const;
export type NewsChoice = (typeof newsChoices)[number];
export const newsChoiceLabels: Record<NewsChoice, string> = {
  none: "No news item",
  draft: "A draft news item, to edit and publish later",
  published: "A news item published now (subscribers get it by e-mail)",
};

/** What the secretariat enters to endorse and publish a product in one step (a PDF travels separately). */
export const endorsementInput = z
  .object({
    decision: z.coerce
      .number({ error: "Choose the SAM meeting decision that endorses the product." })
      .int("Choose the SAM meeting decision that endorses the product.")
      .positive("Choose the SAM meeting decision that endorses the product.")
      .meta({ description: "id of a decision of a SAM meeting already held" }),
    version: z.coerce
      .number({ error: "Name the version to endorse." })
      .int("Name the version to endorse.")
      .positive("Name the version to endorse.")
      .meta({
        description:
          "the version endorsed: the one the last round agreed on, or the latest once confirmed by a round or recorded as editorial only",
      }),
    title: optionalText(300).meta({ description: "default: the product's title" }),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .nullish()
      .transform((v) => (v ? v : null))
      .refine(
        (v) => v === null || (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) && v.length <= 100),
        "Use lower-case letters, digits and single hyphens (at most 100 characters).",
      ),
    description: z
      .string({ error: "Describe the publication in a sentence or two." })
      .trim()
      .min(10, "Describe the publication in a sentence or two (at least 10 characters).")
      .max(5000, "Use at most 5000 characters."),
    externalUrl: optionalText(2000).refine(
      (v) => v === null || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v),
      "Enter a full web address starting with https://.",
    ),
    news: z.enum(newsChoices, { error: "Choose whether to write a news item." }).default("none"),
    newsTitle: optionalText(200),
    newsSummary: optionalText(600),
  })
  .refine((e) => e.news === "none" || (e.newsSummary !== null && e.newsSummary.length >= 10), {
    path: ["newsSummary"],
    message: "Enter a short summary for the news item (at least 10 characters).",
  })
  .refine((e) => e.news === "none" || e.newsTitle === null || e.newsTitle.length >= 3, {
    path: ["newsTitle"],
    message: "Enter a title of at least 3 characters, or leave it empty to use the product's title.",
  });
export type EndorsementInput = z.infer<typeof endorsementInput>;

/** The editors' statement that the versions after the agreed one change nothing of substance. */
export const editorialConfirmationInput = z.object({
  from: z.coerce
    .number({ error: "Choose the agreed version." })
    .int()
    .positive("Choose the agreed version.")
    .meta({ description: "the version the last closed round agreed on" }),
  to: z.coerce
    .number({ error: "Choose the later version." })
    .int()
    .positive("Choose the later version.")
    .meta({ description: "the latest version" }),
  reason: z
    .string({ error: "Say why the changes are editorial only." })
    .trim()
    .min(10, "Say why the changes are editorial only (at least 10 characters).")
    .max(5000, "Use at most 5000 characters.")
    .meta({ description: "why the changes are editorial only (shown in the history)" }),
});
