// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import { deliverableStatuses } from "../../db/schema/index.js";
import { optionalText } from "../../kit/zod.js";
import { isoDay } from "../actions/actions.schemas.js";

export const deliverableStatusLabels: Record<(typeof deliverableStatuses)[number], string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** A workplan deliverable as a group's chair or the secretariat enters it. */
export const deliverableInput = z.object({
  title: z
    .string({ error: "Enter the deliverable." })
    .trim()
    .min(3, "Enter the deliverable.")
    .max(300, "Use at most 300 characters."),
  ownerAgency: optionalText(20),
  ownerPerson: z
    .union([z.number(), z.string()])
    .optional()
    .nullable()
    .transform((v) => (v === "" || v === null || v === undefined ? null : Number(v)))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0), "Choose a person from the list."),
  due: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .pipe(isoDay.nullable()),
  status: z.enum(deliverableStatuses, { error: "Choose planned, in progress, done or dropped." }),
  link: optionalText(500)
    .refine(
      (v) => v === null || /^https?:\/\/\S+$/.test(v) || /^\/publications\/[a-z0-9-]+$/.test(v),
      "Enter a web address (https://…) or a publication's address (/publications/…).",
    )
    .meta({ description: "what it produced: a publication's address or a URL" }),
});

/** A group's outlook for one year. */
export const outlookInput = z.object({
  year: z
    .string({ error: "Enter the year." })
    .trim()
    .regex(/^\d{4}$/, "Enter the year, e.g. 2031.")
    .transform(Number)
    .refine((y) => y >= 1990 && y <= 2200, "Enter a year between 1990 and 2200."),
  body: z
    .string({ error: "Write the outlook." })
    .trim()
    .min(10, "Write the outlook (at least a sentence).")
    .max(20_000, "Use at most 20,000 characters.")
    .meta({ description: "Markdown" }),
});
