import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { contentPageRevisions, contentPages } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { canEditPages } from "./pages.policy.js";
import { type ContentPage, findContentPage } from "./pages.queries.js";
import { type ContentPageInput, contentPageInput } from "./pages.schemas.js";

/** Checks a page edit without saving it (for the preview). */
export function previewContentPage(actor: Actor, raw: unknown): ContentPageInput {
  if (!canEditPages(actor)) throw forbidden("Only the secretariat edits pages.");
  return parseInput(contentPageInput, raw);
}

/** The content a version of a page holds. */
export type PageContent = { title: string; summary: string | null; body: string };

/**
 * Makes `content` the page's current text and appends it as a new revision. The first change also
 * records the version it replaces (from the dataset), so no earlier text is ever lost.
 */
export async function saveNewVersion(
  tx: Db,
  deps: Pick<Deps, "now">,
  actor: Actor,
  current: ContentPage,
  content: PageContent,
): Promise<ContentPage> {
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
    .set({ ...content, updatedAt: deps.now() })
    .where(eq(contentPages.id, current.id))
    .returning();
  await tx.insert(contentPageRevisions).values({
    pageId: current.id,
    ...content,
    authorId: actor.kind === "person" ? actor.id : null,
    authorName: actor.kind === "person" ? actor.name : actor.kind === "system" ? actor.name : "visitor",
    createdAt: deps.now(),
  });
  return row!;
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
    const row = await saveNewVersion(tx, deps, actor, current, input);
    await audit({
      action: "page.update",
      subjectType: "content_page",
      subjectId: current.id,
      summary: `Updated page ${row.title}`,
      details: {
        before: { title: current.title, summary: current.summary },
        after: { title: row.title, summary: row.summary },
      },
    });
    return row;
  });
}
