// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";

const reason = z
  .string({ error: "Give the reason." })
  .trim()
  .min(10, "Give the reason (at least 10 characters).")
  .max(2000, "Use at most 2000 characters.");

/** Closing a round early: a reason, which the secretariat must give while agencies have not answered. */
export const closeInput = z.object({
  reason: z
    .string()
    .trim()
    .max(2000, "Use at most 2000 characters.")
    .nullish()
    .transform((v) => (v ? v : null))
    .meta({
      description: "required (at least 10 characters) while a participating agency has given no position",
    }),
});

/** A later deadline, local to a time zone (the round's when left out), and why. */
export const extensionInput = z
  .object({
    deadline: z
      .string({ error: "Enter the new deadline." })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, "Use YYYY-MM-DD HH:MM.")
      .meta({ description: "local time in timeZone", example: "2027-03-15T17:00" }),
    timeZone: z.string().trim().min(1).optional().meta({ description: "default: the round's" }),
    reason,
  })
  .partial({ timeZone: true });

/** An agency's deferral: only its reason (the deadline moves a fixed two weeks). */
export const deferralInput = z.object({ reason });
