import { and, asc, eq, max, sql } from "drizzle-orm";
import { faqQuestions } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { slugify } from "../../kit/slugs.js";
import { write } from "../../kit/write.js";
import { canManageFaq } from "./faq.policy.js";
import { type FaqQuestion, findQuestion, findSection } from "./faq.queries.js";
import { faqMoveInput, faqQuestionInput } from "./faq.schemas.js";

const onlySecretariat = "Only the secretariat edits the FAQ.";

async function resolve(deps: Deps, raw: unknown, current?: FaqQuestion) {
  const input = parseInput(faqQuestionInput, raw);
  const section = await findSection(deps.db, input.section);
  if (!section) throw invalid({ section: "Choose one of the sections." });
  const slug = input.slug ?? current?.slug ?? slugify(input.question, 80);
  const [clash] = await deps.db
    .select({ id: faqQuestions.id })
    .from(faqQuestions)
    .where(sql`${faqQuestions.slug} = ${slug} and ${faqQuestions.id} <> ${current?.id ?? -1}`);
  if (clash) throw invalid({ slug: `Another question already uses the anchor ${slug}.` });
  return { section, values: { question: input.question, answer: input.answer, slug } };
}

/** Adds a question at the end of its section. */
export async function createQuestion(deps: Deps, actor: Actor, raw: unknown): Promise<FaqQuestion> {
  if (!canManageFaq(actor)) throw forbidden(onlySecretariat);
  const { section, values } = await resolve(deps, raw);
  return write(deps, actor, async (tx, audit) => {
    const [last] = await tx
      .select({ n: max(faqQuestions.position) })
      .from(faqQuestions)
      .where(eq(faqQuestions.sectionId, section.id));
    const [row] = await tx
      .insert(faqQuestions)
      .values({ ...values, sectionId: section.id, position: (last?.n ?? 0) + 1 })
      .returning();
    await audit({
      action: "faq.create",
      subjectType: "faq_question",
      subjectId: row!.id,
      summary: `Added FAQ: ${row!.question}`,
    });
    return row!;
  });
}

/** Changes a question (and may move it to another section, at the end). */
export async function updateQuestion(
  deps: Deps,
  actor: Actor,
  id: number,
  raw: unknown,
): Promise<FaqQuestion> {
  const current = await findQuestion(deps.db, id);
  if (!current) throw notFound("The question");
  if (!canManageFaq(actor)) throw forbidden(onlySecretariat);
  const { section, values } = await resolve(deps, raw, current);
  return write(deps, actor, async (tx, audit) => {
    let position = current.position;
    if (section.id !== current.sectionId) {
      const [last] = await tx
        .select({ n: max(faqQuestions.position) })
        .from(faqQuestions)
        .where(eq(faqQuestions.sectionId, section.id));
      position = (last?.n ?? 0) + 1;
    }
    const [row] = await tx
      .update(faqQuestions)
      .set({ ...values, sectionId: section.id, position, updatedAt: deps.now() })
      .where(eq(faqQuestions.id, id))
      .returning();
    await audit({
      action: "faq.update",
      subjectType: "faq_question",
      subjectId: id,
      summary: `Updated FAQ: ${row!.question}`,
      details: { before: { question: current.question, answer: current.answer }, after: values },
    });
    return row!;
  });
}

/** Moves a question one place up or down in its section; at either end nothing changes. */
export async function moveQuestion(deps: Deps, actor: Actor, id: number, raw: unknown): Promise<void> {
  const current = await findQuestion(deps.db, id);
  if (!current) throw notFound("The question");
  if (!canManageFaq(actor)) throw forbidden(onlySecretariat);
  const { direction } = parseInput(faqMoveInput, raw);
  await write(deps, actor, async (tx, audit) => {
    const siblings = await tx
      .select({ id: faqQuestions.id })
      .from(faqQuestions)
      .where(eq(faqQuestions.sectionId, current.sectionId))
      .orderBy(asc(faqQuestions.position), asc(faqQuestions.id));
    const order = siblings.map((s) => s.id);
    const i = order.indexOf(id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j]!, order[i]!];
    // Renumber the whole section: positions stay dense even after seeds or deletions left gaps.
    for (const [k, qid] of order.entries()) {
      await tx
        .update(faqQuestions)
        .set({ position: k + 1 })
        .where(and(eq(faqQuestions.id, qid)));
    }
    await audit({
      action: "faq.move",
      subjectType: "faq_question",
      subjectId: id,
      summary: `Moved FAQ ${direction}: ${current.question}`,
    });
  });
}

/** Deletes a question. */
export async function deleteQuestion(deps: Deps, actor: Actor, id: number): Promise<void> {
  const current = await findQuestion(deps.db, id);
  if (!current) throw notFound("The question");
  if (!canManageFaq(actor)) throw forbidden(onlySecretariat);
  await write(deps, actor, async (tx, audit) => {
    await tx.delete(faqQuestions).where(eq(faqQuestions.id, id));
    await audit({
      action: "faq.delete",
      subjectType: "faq_question",
      subjectId: id,
      summary: `Deleted FAQ: ${current.question}`,
      details: { question: current.question, answer: current.answer },
    });
  });
}
