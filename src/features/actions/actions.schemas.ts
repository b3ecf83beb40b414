import { z } from "zod";
import { actionStatuses } from "../../db/schema/index.js";

export const actionStatusLabels: Record<(typeof actionStatuses)[number], string> = {
  open: "Open",
  in_progress: "In progress",
  closed: "Closed",
  dropped: "Dropped",
};

/** Statuses in which an action still counts (and can be overdue). */
export const liveStatuses = ["open", "in_progress"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

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

/** An action as a manager enters it: an owner agency and/or person, a due date, where it was raised. */
export const actionInput = z
  .object({
    title: z
      .string({ error: "Enter the action." })
      .trim()
      .min(3, "Enter the action.")
      .max(300, "Use at most 300 characters."),
    description: z.string().trim().max(10_000, "Use at most 10,000 characters.").optional().default(""),
    ownerAgency: optionalText(20),
    ownerPerson: personId,
    due: isoDay,
    status: z.enum(actionStatuses, { error: "Choose a status." }).optional().default("open"),
    group: optionalText(100),
    meeting: optionalText(200),
  })
  .refine((a) => a.ownerAgency !== null || a.ownerPerson !== null, {
    path: ["ownerAgency"],
    message: "Name the owner: an agency, a person, or both.",
  });
export type ActionInput = z.infer<typeof actionInput>;

/** A status update by the owner or a manager, optionally recorded as reviewed at a meeting. */
export const statusInput = z.object({
  status: z.enum(actionStatuses, { error: "Choose a status." }),
  note: optionalText(2000),
  meeting: optionalText(200),
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
export type ActionFilters = z.infer<typeof actionFilters>;
