import { z } from "zod";

/** What the secretariat enters for a question. */
export const faqQuestionInput = z.object({
  section: z.string().trim().min(1, "Choose a section."),
  question: z.string().trim().min(5, "Enter the question.").max(300, "Use at most 300 characters."),
  answer: z.string().trim().min(1, "Enter the answer.").max(20_000, "Use at most 20,000 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) && v.length <= 80),
      "Use lower-case letters, digits and single hyphens (at most 80 characters).",
    ),
});

/** A move in the list: one place up or down within the section. */
export const faqMoveInput = z.object({ direction: z.enum(["up", "down"], { error: "Choose up or down." }) });
