import { Hono } from "hono";
import { raw } from "hono/html";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { formatTimestamp } from "../../web/format.js";
import { renderMarkdown } from "../../web/markdown.js";
import { RestoreConfirmation } from "../../web/revisions.js";
import { canEditPages } from "./pages.policy.js";
import { findContentPage, findPageRevision } from "./pages.queries.js";
import { restoreContentPageRevision } from "./pages.service.js";

/** Where the confirmation for restoring one version of a page lives. */
export const restoreHref = (slug: string, revisionId: number) =>
  `/private/pages/${slug}/revisions/${revisionId}/restore`;

const guard = personAllowedBy(canEditPages, "Only the secretariat edits pages.");

/** Loads the page and one of its versions from the address, or answers 404. */
async function loadVersion(c: AppContext) {
  const page = await findContentPage(c.var.deps.db, c.req.param("slug") ?? "");
  if (!page) throw notFound("The page");
  const revision = await findPageRevision(c.var.deps.db, page.id, idParam(c.req.param("revision")));
  if (!revision) throw notFound("This version of the page");
  return { page, revision };
}

/** Restoring an earlier version of a content page: a confirmation showing that version, then the restore. */
export function pageRestorePages() {
  const app = new Hono<AppEnv>();

  app.get("/private/pages/:slug/revisions/:revision/restore", async (c) => {
    guard(c);
    const { page, revision } = await loadVersion(c);
    const when = formatTimestamp(revision.createdAt);
    const who = revision.authorName === "dataset" ? "as the dataset shipped it" : `by ${revision.authorName}`;
    return renderPrivate(c, {
      title: `Restore a version of ${page.title}`,
      body: () => (
        <>
          <RestoreConfirmation
            lead={`The version of “${page.title}” saved ${when} ${who} becomes the public text again. It is saved as a new version: the current text stays in the history and can be restored in turn.`}
            action={restoreHref(page.slug, revision.id)}
            csrf={c.var.csrfToken()}
            back={`/private/pages/${page.slug}/edit`}
            backLabel="Keep the current text"
          >
            <section class="preview" aria-labelledby="version-title">
              <h2 id="version-title">The version to restore</h2>
              <div class="preview-frame">
                <p class="eyebrow">
                  Saved {when} {who}
                </p>
                <p class="preview-heading">{revision.title}</p>
                {revision.summary ? <p class="lead">{revision.summary}</p> : null}
                <div class="prose">{raw(renderMarkdown(revision.body))}</div>
              </div>
            </section>
          </RestoreConfirmation>
        </>
      ),
    });
  });

  app.post("/private/pages/:slug/revisions/:revision/restore", async (c) => {
    const actor = guard(c);
    const { page, revision } = await loadVersion(c);
    await restoreContentPageRevision(c.var.deps, actor, page.slug, revision.id);
    return c.redirect(`/private/pages/${page.slug}/edit?done=restored`, 303);
  });

  return app;
}
