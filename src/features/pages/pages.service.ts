import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { contentPageRevisions, contentPages } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { type Revisions, restoreRevision, revisionAuthor, saveRevision } from "../../kit/revisions.js";
import { canEditPages } from "./pages.policy.js";
import { type ContentPage, findContentPage, findPageRevision, type PageRevision } from "./pages.queries.js";
import { type ContentPageInput, contentPageInput } from "./pages.schemas.js";

const onlySecretariat = "Only the secretariat edits pages.";

/** Checks a page edit without saving it (for the preview). */
export function previewContentPage(actor: Actor, raw: unknown): ContentPageInput {
  if (!canEditPages(actor)) throw forbidden(onlySecretariat);
  return parseInput(contentPageInput, raw);
}

/** The content a version of a page holds. */
export type PageContent = { title: string; summary: string | null; body: string };

/**
 * A page's versions, kept as columns. The first change also records the version it replaces (from
 * the dataset), so no earlier text is ever lost.
 */
const pageRevisions = (deps: Pick<Deps, "now">): Revisions<ContentPage, PageContent, PageRevision> => ({
  recordName: "The page",
  revisionName: "This version of the page",
  allowed: (actor) => canEditPages(actor),
  refusal: onlySecretariat,
  find: (db, page, id) => findPageRevision(db, page.id, id),
  snapshotOf: (r) => ({ title: r.title, summary: r.summary, body: r.body }),
  save: async (tx, actor, current, content) => {
    await keepDatasetVersion(tx, current);
    const [row] = await tx
      .update(contentPages)
      .set({ ...content, updatedAt: deps.now() })
      .where(eq(contentPages.id, current.id))
      .returning();
    const [revision] = await tx
      .insert(contentPageRevisions)
      .values({ pageId: current.id, ...content, ...revisionAuthor(actor), createdAt: deps.now() })
      .returning({ id: contentPageRevisions.id });
    return { record: row!, ref: revision!.id };
  },
});

async function keepDatasetVersion(tx: Db, current: ContentPage) {
  const [earlier] = await tx
    .select({ id: contentPageRevisions.id })
    .from(contentPageRevisions)
    .where(eq(contentPageRevisions.pageId, current.id))
    .limit(1);
  if (earlier) return;
  await tx.insert(contentPageRevisions).values({
    pageId: current.id,
    title: current.title,
    summary: current.summary,
    body: current.body,
    authorName: "dataset",
    createdAt: current.updatedAt,
  });
}

/** What the audit keeps of a page change: its title and summary before and after. */
const titles = (before: ContentPage, after: ContentPage) => ({
  before: { title: before.title, summary: before.summary },
  after: { title: after.title, summary: after.summary },
});

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
  return saveRevision(deps, actor, pageRevisions(deps), current, input, {
    note: null,
    describe: ({ record }) => ({
      action: "page.update",
      subjectType: "content_page",
      subjectId: current.id,
      summary: `Updated page ${record.title}`,
      details: titles(current, record),
    }),
  });
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
  if (!canEditPages(actor)) throw forbidden(onlySecretariat);
  const current = await findContentPage(deps.db, slug);
  return restoreRevision(deps, actor, pageRevisions(deps), current, revisionId, {
    note: () => null,
    describe: ({ record }, revision) => ({
      action: "page.restore",
      subjectType: "content_page",
      subjectId: record.id,
      summary: `Restored page ${record.title} to its version of ${revision.createdAt.toISOString()}`,
      details: { revisionId: revision.id, ...titles(current!, record) },
    }),
  });
}
