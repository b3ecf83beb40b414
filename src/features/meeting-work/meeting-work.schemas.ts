// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import { registrationModes } from "../../db/schema/index.js";
import { optionalText } from "../../kit/zod.js";

export const registrationModeLabels: Record<(typeof registrationModes)[number], string> = {
  in_person: "In person",
  virtual: "Virtual",
};

/** Registering oneself: how one will attend. */
export const registrationInput = z.object({
  attendance: z.enum(registrationModes, { error: "Choose in person or virtual." }),
});

/** The registrations a manager marks as attended (ids as repeated form fields or a JSON array). */
export const attendedInput = z.object({
  attended: z
    .union([z.string(), z.array(z.union([z.string(), z.number()]))])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number))
    .refine((ids) => ids.every((n) => Number.isInteger(n) && n > 0), "Choose registrations from the list."),
});

/** Marking one registration as attended or not (the API's change of a single registration). */
export const attendedFlagInput = z.object({ attended: z.boolean({ error: "Say true or false." }) });

const whole = (label: string, min: number, max: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v) => (v === undefined || v === null || String(v).trim() === "" ? null : String(v).trim()))
    .refine((v) => v === null || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), label)
    .transform((v) => (v === null ? null : Number(v)));

/** An agenda item as a manager enters it; the time is local to the meeting. */
export const agendaItemInput = z.object({
  title: z.string().trim().min(3, "Enter the item's title.").max(300, "Use at most 300 characters."),
  startTime: optionalText(5).refine(
    (v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
    "Use HH:MM, local time at the meeting (e.g. 09:30).",
  ),
  durationMinutes: whole("Enter the duration in whole minutes (1 to 1440).", 1, 1440),
  presenterAgency: optionalText(20),
  presenterPerson: whole("Choose a person from the list.", 1, 2_147_483_647),
  notes: z.string().trim().max(20_000, "Use at most 20,000 characters.").optional().default(""),
});

/** Moving an agenda item one place up or down. */
export const moveInput = z.object({
  direction: z.enum(["up", "down"], { error: "Move the item up or down." }),
});

/** A decision's text. */
export const decisionInput = z.object({
  text: z
    .string()
    .trim()
    .min(3, "Enter the decision.")
    .max(10_000, "Use at most 10,000 characters.")
    .meta({ description: "Markdown" }),
});

/** A new version of the minutes. */
export const minutesInput = z.object({
  text: z.string().trim().min(1, "Write the minutes.").max(200_000, "Use at most 200,000 characters."),
});

/** Approving the minutes' latest version at a later meeting, named by its address. */
export const approvalInput = z.object({
  approvingMeeting: z
    .string()
    .trim()
    .min(1, "Choose the meeting that approved the minutes.")
    .meta({ description: "slug of a meeting that starts later" }),
  version: whole("Choose a version.", 1, 100_000).meta({
    description: "the latest version, to guard against a race",
  }),
});
