import { z } from "zod";

/** What the secretariat enters for a content page. */
export const contentPageInput = z.object({
  title: z.string().trim().min(2, "Enter the title.").max(200, "Use at most 200 characters."),
  summary: z
    .string()
    .trim()
    .max(500, "Use at most 500 characters.")
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  body: z
    .string()
    .trim()
    .min(1, "Enter the text of the page.")
    .max(100_000, "Use at most 100,000 characters."),
});
export type ContentPageInput = z.infer<typeof contentPageInput>;
