import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { faqQuestions, faqSections } from "../../db/schema/index.js";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** `data/<dataset>/faq.json`: ordered sections, each with ordered questions and Markdown answers. */
export const datasetFaq = z.object({
  sections: z.array(
    z.object({
      slug,
      title: z.string().min(2),
      sources: z.array(z.string()),
      questions: z.array(z.object({ slug, question: z.string().min(3), answer: z.string().min(1) })),
    }),
  ),
});
export type DatasetFaq = z.infer<typeof datasetFaq>;

/** Inserts missing sections and questions (by slug) at their dataset position; returns the questions added. */
export async function seedFaq(tx: Db, faq: DatasetFaq): Promise<number> {
  let added = 0;
  for (const [i, s] of faq.sections.entries()) {
    await tx
      .insert(faqSections)
      .values({ slug: s.slug, title: s.title, position: i + 1 })
      .onConflictDoNothing();
    const [section] = await tx.select().from(faqSections).where(eq(faqSections.slug, s.slug));
    for (const [j, q] of s.questions.entries()) {
      const rows = await tx
        .insert(faqQuestions)
        .values({ ...q, sectionId: section!.id, position: j + 1, sources: s.sources })
        .onConflictDoNothing()
        .returning({ id: faqQuestions.id });
      added += rows.length;
    }
  }
  return added;
}
