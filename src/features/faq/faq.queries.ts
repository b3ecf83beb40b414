import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { faqQuestions, faqSections } from "../../db/schema/index.js";

export type FaqSection = typeof faqSections.$inferSelect;
export type FaqQuestion = typeof faqQuestions.$inferSelect;

/** Every section in order, each with its questions in order. */
export async function loadFaq(db: Db): Promise<Array<FaqSection & { questions: FaqQuestion[] }>> {
  const [sections, questions] = await Promise.all([
    db.select().from(faqSections).orderBy(asc(faqSections.position), asc(faqSections.id)),
    db.select().from(faqQuestions).orderBy(asc(faqQuestions.position), asc(faqQuestions.id)),
  ]);
  return sections.map((s) => ({ ...s, questions: questions.filter((q) => q.sectionId === s.id) }));
}

/** One question by id. */
export async function findQuestion(db: Db, id: number): Promise<FaqQuestion | undefined> {
  const [row] = await db.select().from(faqQuestions).where(eq(faqQuestions.id, id));
  return row;
}

/** One section by slug. */
export async function findSection(db: Db, slug: string): Promise<FaqSection | undefined> {
  const [row] = await db.select().from(faqSections).where(eq(faqSections.slug, slug));
  return row;
}
