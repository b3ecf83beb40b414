import { z } from "zod";

/** A new token as the form sends it: a name, the agency (the secretariat chooses), an optional expiry day. */
export const tokenInput = z.object({
  name: z
    .string({ error: "Name the token." })
    .trim()
    .min(2, "Name the token, e.g. after the system that will use it.")
    .max(80, "Use at most 80 characters."),
  agency: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v) => (v ? v : null)),
  expires: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v),
      "Write the day as YYYY-MM-DD, or leave it empty.",
    )
    .refine((v) => v === null || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Enter a real date."),
});
