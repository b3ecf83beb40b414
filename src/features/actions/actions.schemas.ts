// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import { actionStatuses } from "../../db/schema/index.js";
import { optionalText } from "../../kit/zod.js";

export const actionStatusLabels: Record<(typeof actionStatuses)[number], string> = {
  open: "Open",
  in_progress: "In progress",
  closed: "Closed",
  dropped: "Dropped",
};

/** Statuses in which an action still counts (and can be overdue). */
export const liveStatuses = ["open", "in_progress"] as const;

/** True when a live action's due date has passed (`today` is YYYY-MM-DD). */
export const isOverdue = (a: { status: string; dueOn: string }, today: string) =>
  (liveStatuses as readonly string[]).includes(a.status) && a.dueOn < today;

const isRealDay = (v: string) => {
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
};

/** A real calendar day written YYYY-MM-DD. */
export const isoDay = z
  .string({ error: "Enter the date as YYYY-MM-DD." })
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDay(v), "Enter a real date as YYYY-MM-DD.");

const personId = z
  .union([z.number(), z.string()])
  .optional()
  .nullable()
  .transform((v) => (v === "" || v === null || v === undefined ? null : Number(v)))
  .refine((v) => v === null || (Number.isInteger(v) && v > 0), "Choose a person from the list.");

/** An action's fields as a manager enters them (on the form or through the API). */
export const actionFields = z.object({
  title: z
    .string({ error: "Enter the action." })
    .trim()
    .min(3, "Enter the action.")
    .max(300, "Use at most 300 characters."),
  description: z
    .string()
    .trim()
    .max(10_000, "Use at most 10,000 characters.")
    .optional()
    .default("")
    .meta({ description: "Markdown" }),
  ownerAgency: optionalText(20).meta({ description: "acronym of the owning agency", example: "ESA" }),
  ownerPerson: personId.meta({ description: "id of the owning person" }),
  due: isoDay.meta({ example: "2031-02-01" }),
  status: z.enum(actionStatuses, { error: "Choose a status." }).optional().default("open"),
  group: optionalText(100).meta({ description: "group slug" }),
  meeting: optionalText(200).meta({ description: "slug of the meeting that raised it" }),
});

/** An action as a manager enters it: an owner agency and/or person, a due date, where it was raised. */
export const actionInput = actionFields.refine((a) => a.ownerAgency !== null || a.ownerPerson !== null, {
  path: ["ownerAgency"],
  message: "Name the owner: an agency, a person, or both.",
});

/** A status update by the owner or a manager, optionally recorded as reviewed at a meeting. */
export const statusInput = z.object({
  status: z.enum(actionStatuses, { error: "Choose a status." }),
  note: optionalText(2000),
  meeting: optionalText(200).meta({ description: "slug of the meeting at which it was reviewed" }),
});

/** The register's filters, as they appear in the address. */
export const actionFilters = z.object({
  status: z.enum([...actionStatuses, "live", "all"]).catch("live"),
  agency: z.string().trim().max(20).optional().catch(undefined),
  group: z.string().trim().max(100).optional().catch(undefined),
  meeting: z.string().trim().max(200).optional().catch(undefined),
  mine: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on" || v === "true")
    .catch(false),
});
