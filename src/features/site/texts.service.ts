import { isDeepStrictEqual } from "node:util";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { forumRevisions, forumSettings } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, notFound } from "../../http/errors.js";
import { revisionAuthor } from "../../kit/revisions.js";
import { write } from "../../kit/write.js";
import { type Forum, forumSchema, loadForum } from "../../web/forum.js";
import { navSections } from "../../web/nav.js";
import { canEditPages } from "../pages/pages.policy.js";
import { parseSiteTexts } from "./texts.schemas.js";

/** The settings key of the unpublished draft: visitors never see it. */
const DRAFT_KEY = "forum_draft";
const onlySecretariat = "Only the secretariat edits the site's texts.";

function authorizeTexts(actor: Actor) {
  if (!canEditPages(actor)) throw forbidden(onlySecretariat);
}

/** The saved draft and when it was saved, if there is one. */
export async function findSiteDraft(db: Db): Promise<{ forum: Forum; savedAt: Date } | undefined> {
  const [row] = await db.select().from(forumSettings).where(eq(forumSettings.key, DRAFT_KEY));
  const parsed = forumSchema.safeParse(row?.value);
  return row && parsed.success ? { forum: parsed.data, savedAt: row.updatedAt } : undefined;
}

/** The published versions, newest first. */
export function listSiteRevisions(db: Db, limit = 30) {
  return db.select().from(forumRevisions).orderBy(desc(forumRevisions.id)).limit(limit);
}

/** Checks the editor's form without saving anything: the forum as the preview shows it. */
export async function previewSiteTexts(deps: Deps, actor: Actor, raw: unknown): Promise<Forum> {
  authorizeTexts(actor);
  return parseSiteTexts(raw, await loadForum(deps));
}

async function storeDraft(tx: Db, deps: Pick<Deps, "now">, forum: Forum) {
  await tx
    .insert(forumSettings)
    .values({ key: DRAFT_KEY, value: forum, updatedAt: deps.now() })
    .onConflictDoUpdate({ target: forumSettings.key, set: { value: forum, updatedAt: deps.now() } });
}

/** Keeps the edited texts as a draft; the site does not change. Audited. */
export async function saveSiteDraft(deps: Deps, actor: Actor, raw: unknown): Promise<void> {
  const forum = await previewSiteTexts(deps, actor, raw);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await storeDraft(tx, deps, forum);
      await audit({
        action: "site_texts.draft",
        subjectType: "forum_settings",
        subjectId: "forum",
        summary: "Saved a draft of the site's texts",
      });
    },
    { invalidatesPages: false },
  );
}

/**
 * Puts the edited texts on the site and keeps them as a revision; the draft goes. The first
 * publication also keeps the texts it replaces (from the dataset), so no earlier version is lost.
 * The secretariat's contact is edited apart and always kept as it is now.
 */
export async function publishSiteTexts(deps: Deps, actor: Actor, raw: unknown): Promise<void> {
  const forum = await previewSiteTexts(deps, actor, raw);
  const before = await loadForum(deps);
  await write(deps, actor, async (tx, audit) => {
    const [earlier] = await tx.select({ id: forumRevisions.id }).from(forumRevisions).limit(1);
    if (!earlier) await tx.insert(forumRevisions).values({ value: before, authorName: "dataset" });
    await tx.insert(forumRevisions).values({ value: forum, ...revisionAuthor(actor), createdAt: deps.now() });
    await tx
      .update(forumSettings)
      .set({ value: forum, updatedAt: deps.now() })
      .where(eq(forumSettings.key, "forum"));
    await tx.delete(forumSettings).where(eq(forumSettings.key, DRAFT_KEY));
    await audit({
      action: "site_texts.publish",
      subjectType: "forum_settings",
      subjectId: "forum",
      summary: "Published the site's texts",
      details: { changed: changedParts(before, forum) },
    });
  });
}

/** Which parts of the texts a publication changed, in words, for the audit log. */
function changedParts(before: Forum, after: Forum): string[] {
  const parts: Array<[string, (f: Forum) => unknown]> = [
    ["name", (f) => [f.name, f.acronym, f.tagline]],
    ["Home", (f) => f.home],
    ["About", (f) => f.about],
    ["navigation", (f) => navSections(f.nav)],
  ];
  return parts.filter(([, pick]) => !isDeepStrictEqual(pick(before), pick(after))).map(([n]) => n);
}

/** Throws the draft away; the site keeps its published texts. Audited. */
export async function discardSiteDraft(deps: Deps, actor: Actor): Promise<void> {
  authorizeTexts(actor);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      const gone = await tx.delete(forumSettings).where(eq(forumSettings.key, DRAFT_KEY)).returning();
      // Already gone (a second tab, a double click): nothing to record.
      if (gone.length === 0) return;
      await audit({
        action: "site_texts.discard",
        subjectType: "forum_settings",
        subjectId: "forum",
        summary: "Discarded the draft of the site's texts",
      });
    },
    { invalidatesPages: false },
  );
}

/** Loads an earlier published version into the draft, to be checked and published again. Audited. */
export async function restoreSiteRevision(deps: Deps, actor: Actor, revisionId: number): Promise<void> {
  authorizeTexts(actor);
  const current = await loadForum(deps);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      const [revision] = await tx.select().from(forumRevisions).where(eq(forumRevisions.id, revisionId));
      const parsed = forumSchema.safeParse(revision?.value);
      if (!revision || !parsed.success) throw notFound("This version of the texts");
      await storeDraft(tx, deps, { ...parsed.data, secretariat: current.secretariat, logo: current.logo });
      await audit({
        action: "site_texts.restore",
        subjectType: "forum_settings",
        subjectId: "forum",
        summary: `Loaded the texts published on ${revision.createdAt.toISOString().slice(0, 10)} into the draft`,
        details: { revisionId },
      });
    },
    { invalidatesPages: false },
  );
}
