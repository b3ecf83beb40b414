// Zod with `.openapi()`: the API documents its request bodies with these schemas.
import { z } from "@hono/zod-openapi";
import {
  type DatePrecision,
  type Destination,
  type EditionKind,
  editionKinds,
  type MissionStatus,
} from "../../db/schema/index.js";

/** One mission as an edition froze it: the fields the roadmap and the diff need. */
export type SnapshotMission = {
  slug: string;
  name: string;
  lead: string | null;
  partners: string[];
  destination: Destination;
  crewed: boolean;
  launchOn: string | null;
  launchPrecision: DatePrecision | null;
  endsOn: string | null;
  endPrecision: DatePrecision | null;
  status: MissionStatus;
  objectives: string[];
  studiesPolarVolatiles: boolean;
  uncertain: boolean;
};

export const editionKindLabels: Record<EditionKind, string> = {
  edition: "Edition",
  supplement: "Supplement",
};

const slugRule = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Freezing a new edition: its name, year and kind; the address is made from the name unless given. */
export const editionInput = z.object({
  name: z.string().trim().min(3, "Enter the edition's name.").max(200, "Use at most 200 characters."),
  year: z.coerce
    .number({ error: "Enter the year as four digits." })
    .int("Enter the year as four digits.")
    .min(2000, "Enter a year from 2000 on.")
    .max(2200, "Enter a year before 2200."),
  kind: z.enum(editionKinds, { error: "Choose edition or supplement." }),
  slug: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || (slugRule.test(v) && v.length <= 80),
      "Use lower-case letters, digits and hyphens.",
    ),
  note: z
    .string()
    .trim()
    .max(2000, "Use at most 2000 characters.")
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
});

/** `data/<dataset>/ger-framework.json`. */
export const datasetFramework = z.object({
  note: z.string().optional(),
  themes: z.array(z.object({ code: z.string(), title: z.string(), description: z.string().nullable() })),
  goals: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      theme: z.string().nullable(),
      description: z.string().nullable(),
      sources: z.array(z.string()),
      uncertain: z.boolean(),
      objectives: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          description: z.string().nullable(),
          missions: z.array(z.string()),
          uncertain: z.boolean().default(true),
        }),
      ),
    }),
  ),
});

/** `data/<dataset>/ger-editions.json`: published editions whose snapshots are not recorded. */
export const datasetEditions = z.array(
  z.object({
    slug: z.string().regex(slugRule),
    name: z.string(),
    year: z.number().int(),
    kind: z.enum(editionKinds),
    publication: z.string().nullable(),
    sources: z.array(z.string()),
  }),
);

/** `data/<dataset>/volatiles-gaps.json`. */
export const datasetGaps = z.object({
  note: z.string().optional(),
  gaps: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      missions: z.array(z.string()),
      sources: z.array(z.string()),
      uncertain: z.boolean(),
    }),
  ),
});
