// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import { type Destination, destinations } from "../../db/schema/index.js";
import { optionalText } from "../../kit/zod.js";

/** An area code of the controlled vocabulary: a capital letter then 1 to 9 capitals or digits (`PROP`). */
export const areaCodePattern = /^[A-Z][A-Z0-9]{1,9}$/;
/** A technology code of the controlled vocabulary: 2 to 6 capitals, a hyphen, 3 or 4 digits (`GER-019`). */
export const technologyCodePattern = /^[A-Z]{2,6}-[0-9]{3,4}$/;

/** Optional text that is "" rather than null when empty (the records store empty strings). */
const textOrEmpty = (max: number) => optionalText(max).transform((v) => v ?? "");

/** A list from an array or from text with one item per line. */
const lines = (max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .nullable()
    .transform((v) =>
      [v ?? []]
        .flat()
        .flatMap((s) => s.split(/\r?\n/))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((v) => v.length <= max, `List at most ${max} items.`);

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const code = (pattern: RegExp, example: string) =>
  z
    .string({ error: `Enter a code such as ${example}.` })
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => pattern.test(v), `Use the vocabulary's pattern, for example ${example}.`);

/** An area of the Critical Technology List as the secretariat writes it. */
export const areaInput = z.object({
  code: code(areaCodePattern, "PROP (2 to 10 capitals or digits)"),
  name: z.string().trim().min(2, "Enter the area's name.").max(120, "Use at most 120 characters."),
  description: textOrEmpty(2000),
  position: z.coerce
    .number({ error: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(0, "Use 0 or more.")
    .max(999, "Use at most 999.")
    .optional()
    .default(0),
});

/** A technology of the list as the secretariat (or an import) writes it. */
export const technologyInput = z.object({
  code: code(technologyCodePattern, "GER-019"),
  area: z
    .string({ error: "Choose the area." })
    .trim()
    .min(1, "Choose the area.")
    .transform((v) => v.toUpperCase()),
  title: z.string().trim().min(3, "Enter the technology's title.").max(200, "Use at most 200 characters."),
  description: textOrEmpty(4000),
  destinations: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .nullable()
    .transform((v) => [
      ...new Set(
        [v ?? []]
          .flat()
          .flatMap((s) => s.split(/[\s,;]+/))
          .filter(Boolean),
      ),
    ])
    .refine(
      (v) => v.every((d) => (destinations as readonly string[]).includes(d)),
      `Use destinations from: ${destinations.join(", ")}.`,
    )
    .transform((v) => v as Destination[]),
  uncertain: checkbox,
  uncertainNote: textOrEmpty(1000),
  sources: lines(20),
});
export type TechnologyInput = z.infer<typeof technologyInput>;

const trl = (what: string) =>
  z.coerce
    .number({ error: `Enter the ${what} as a number from 1 to 9.` })
    .int(`Enter the ${what} as a whole number from 1 to 9.`)
    .min(1, `The ${what} is a number from 1 to 9.`)
    .max(9, `The ${what} is a number from 1 to 9.`);

const isoDate = (what: string) =>
  z
    .string({ error: `Enter ${what} as YYYY-MM-DD.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${what} as YYYY-MM-DD.`)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, `Enter ${what} as a real date (YYYY-MM-DD).`)
    .refine((v) => v >= "1957-01-01" && v <= "2100-12-31", `Keep ${what} between 1957 and 2100.`);

/** An agency's capability for one technology. */
export const capabilityInput = z
  .object({
    agency: z.string({ error: "Choose the agency." }).trim().min(1, "Choose the agency."),
    technology: z
      .string({ error: "Choose the technology." })
      .trim()
      .min(1, "Choose the technology.")
      .transform((v) => v.toUpperCase()),
    currentTrl: trl("current TRL"),
    targetTrl: trl("target TRL"),
    targetDate: isoDate("the target date"),
    note: textOrEmpty(2000),
    evidenceUrl: z
      .string()
      .trim()
      .max(500, "Use at most 500 characters.")
      .optional()
      .nullable()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || isHttpUrl(v), "Give a web address starting with http:// or https://."),
  })
  .refine((v) => v.targetTrl >= v.currentTrl, {
    path: ["targetTrl"],
    message: "The target TRL cannot be below the current TRL.",
  });
export type CapabilityInput = z.infer<typeof capabilityInput>;

/** What a mission (by slug) or an architecture element needs. */
export const needInput = z
  .object({
    mission: z
      .string()
      .trim()
      .optional()
      .nullable()
      .transform((v) => (v ? v.toLowerCase() : null)),
    element: z
      .string()
      .trim()
      .max(200, "Use at most 200 characters.")
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    technology: z
      .string({ error: "Choose the technology." })
      .trim()
      .min(1, "Choose the technology.")
      .transform((v) => v.toUpperCase()),
    trlNeeded: trl("TRL needed"),
    neededBy: isoDate("the date it is needed by"),
    note: textOrEmpty(2000),
  })
  .refine((v) => (v.mission === null) !== (v.element === null), {
    path: ["mission"],
    message: "Name either a mission or an architecture element (one of the two).",
  });
export type NeedInput = z.infer<typeof needInput>;

/** True for an absolute http(s) address. */
export function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** `?dataset=demo` selects the demonstration records; anything else the real ones. */
export const parseDataset = (v: string | undefined): "real" | "demo" => (v === "demo" ? "demo" : "real");

/** `data/<dataset>/technology.json`: the Critical Technology List the forum ships with. */
export const datasetTechnology = z.object({
  note: z.string().optional(),
  areas: z.array(
    z.object({
      code: z.string().regex(areaCodePattern),
      name: z.string().min(2),
      description: z.string().default(""),
    }),
  ),
  technologies: z.array(
    z.object({
      code: z.string().regex(technologyCodePattern),
      area: z.string(),
      title: z.string().min(3),
      description: z.string().default(""),
      destinations: z.array(z.enum(destinations)).default([]),
      uncertain: z.boolean().default(false),
      uncertainNote: z.string().nullable().default(null),
      sources: z.array(z.string()).default([]),
    }),
  ),
});
export type DatasetTechnology = z.infer<typeof datasetTechnology>;
