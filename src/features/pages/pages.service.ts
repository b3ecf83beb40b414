import { eq } from "drizzle-orm";
import { contentPageRevisions, contentPages } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { forbidden, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../audit/write.js";
import type { Actor } from "../auth/actor.js";
import { canEditPages } from "./pages.policy.js";
import { type ContentPage, findContentPage } from "./pages.queries.js";
import { type ContentPageInput, contentPageInput } from "./pages.schemas.js";

/** Checks a page edit without saving it (for the preview). */
export function previewContentPage(actor: Actor, raw: unknown): ContentPageInput {
  if (!canEditPages(actor)) throw forbidden("Only the secretariat edits pages.");
  return parseInput(contentPageInput, raw);
}

/** Saves a page; every saved version is kept as a revision (who, when, content). */
export async function updateContentPage(
  deps: Deps,
  actor: Actor,
  slug: string,
  raw: unknown,
): Promise<ContentPage> {
  const current = await findContentPage(deps.db, slug);
  if (!current) throw notFound("The page");
  const input = previewContentPage(actor, raw);
  return write(deps, actor, async (tx, audit) => {
    // The first edit also records the version it replaces (from the dataset), so nothing is lost.
    const [earlier] = await tx
      .select({ id: contentPageRevisions.id })
      .from(contentPageRevisions)
      .where(eq(contentPageRevisions.pageId, current.id))
      .limit(1);
    if (!earlier) {
      await tx.insert(contentPageRevisions).values({
        pageId: current.id,
        title: current.title,
        summary: current.summary,
        body: current.body,
        authorName: "dataset",
        createdAt: current.updatedAt,
      });
    }
    const [row] = await tx
      .update(contentPages)
      .set({ ...input, updatedAt: deps.now() })
      .where(eq(contentPages.id, current.id))
      .returning();
    await tx.insert(contentPageRevisions).values({
      pageId: current.id,
      ...input,
      authorId: actor.kind === "person" ? actor.id : null,
      authorName: actor.kind === "person" ? actor.name : actor.kind === "system" ? actor.name : "visitor",
      createdAt: deps.now(),
    });
    await audit({
      action: "page.update",
      subjectType: "content_page",
      subjectId: current.id,
      summary: `Updated page ${row!.title}`,
      details: {
        before: { title: current.title, summary: current.summary },
        after: { title: row!.title, summary: row!.summary },
      },
    });
    return row!;
  });
}
