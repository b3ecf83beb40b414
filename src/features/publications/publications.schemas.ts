// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import { type PublicationCategory, publicationCategories } from "../../db/schema/index.js";
import { optionalText } from "../../kit/zod.js";
import { partialDate } from "../directory/directory.schemas.js";

/** Human labels for the category vocabulary, in the order the library lists them. */
export const categoryLabels: Record<PublicationCategory, string> = {
  global_exploration_roadmap: "Roadmap edition",
  ger_supplement: "Roadmap supplement",
  annual_report: "Annual report",
  technology_assessment: "Technology assessment",
  white_paper: "White paper",
  terms_of_reference: "Terms of reference",
  paper: "Paper",
  other: "Other",
};

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const isoDay = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))
  .refine(
    (v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDay(v)),
    "Use a real date as YYYY-MM-DD.",
  );

function isRealDay(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Lines of a textarea, or an array from the API, as a clean list of web addresses. */
const sourceList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .nullable()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split(/\r?\n/)).map((s) => s.trim()).filter(Boolean))
  .refine((v) => v.length <= 30, "List at most 30 sources.");

/** A publication's fields as the secretariat enters them (the file travels separately). */
export const publicationFields = z.object({
  title: z.string().trim().min(3, "Enter the title.").max(300, "Use at most 300 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) && v.length <= 100),
      "Use lower-case letters, digits and single hyphens (at most 100 characters).",
    ),
  category: z.enum(publicationCategories, { error: "Choose a category." }),
  postedOn: isoDay.meta({ example: "2018-02-02" }),
  published: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : undefined))
    .pipe(partialDate.optional())
    .meta({ example: "2018-01" }),
  description: optionalText(5000),
  previousEdition: optionalText(100).meta({ description: "slug of the previous edition" }),
  editionLabel: optionalText(100),
  producedBy: optionalText(300),
  uncertain: checkbox,
  certaintyNote: optionalText(1000),
  sources: sourceList,
  externalUrl: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || (/^https?:\/\/[^\s]+\.[^\s]+$/.test(v) && v.length <= 2000),
      "Enter a full web address starting with https://.",
    )
    .meta({ description: "a link, for publications without a PDF" }),
  removeFile: checkbox,
});

/** What the secretariat enters for a publication: an uncertain one says why. */
export const publicationInput = publicationFields.refine((p) => !p.uncertain || p.certaintyNote, {
  path: ["certaintyNote"],
  message: "Say what is uncertain about this publication.",
});
export type PublicationInput = z.infer<typeof publicationInput>;
