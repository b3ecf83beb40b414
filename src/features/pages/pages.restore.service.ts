import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { contentPageRevisions } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, notFound } from "../../http/errors.js";
import { write } from "../../kit/write.js";
import { canEditPages } from "./pages.policy.js";
import { type ContentPage, findContentPage } from "./pages.queries.js";
import { saveNewVersion } from "./pages.service.js";

export type PageRevision = typeof contentPageRevisions.$inferSelect;

/** One saved version of a page; undefined when it does not exist or belongs to another page. */
export async function findPageRevision(db: Db, pageId: number, revisionId: number) {
  const [row] = await db
    .select()
    .from(contentPageRevisions)
    .where(and(eq(contentPageRevisions.id, revisionId), eq(contentPageRevisions.pageId, pageId)));
  return row as PageRevision | undefined;
}

/**
 * Makes an earlier version the page's text again. It is saved as a new revision on top of the
 * history, so the text it replaces stays in the history too and nothing is overwritten.
 */
export async function restoreContentPageRevision(
  deps: Deps,
  actor: Actor,
  slug: string,
  revisionId: number,
): Promise<ContentPage> {
  if (!canEditPages(actor)) throw forbidden("Only the secretariat edits pages.");
  const current = await findContentPage(deps.db, slug);
  if (!current) throw notFound("The page");
  const revision = await findPageRevision(deps.db, current.id, revisionId);
  if (!revision) throw notFound("This version of the page");
  const content = { title: revision.title, summary: revision.summary, body: revision.body };
  return write(deps, actor, async (tx, audit) => {
    const row = await saveNewVersion(tx, deps, actor, current, content);
    await audit({
      action: "page.restore",
      subjectType: "content_page",
      subjectId: current.id,
      summary: `Restored page ${row.title} to its version of ${revision.createdAt.toISOString()}`,
      details: {
        revisionId: revision.id,
        before: { title: current.title, summary: current.summary },
        after: { title: row.title, summary: row.summary },
      },
    });
    return row;
  });
}
