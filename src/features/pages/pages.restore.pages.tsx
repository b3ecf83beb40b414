import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { formatTimestamp } from "../../web/format.js";
import { canEditPages } from "./pages.policy.js";
import { findContentPage, findPageRevision } from "./pages.queries.js";
import { restoreContentPageRevision } from "./pages.service.js";
import { VersionRestore } from "./views/version-restore.js";

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

async function confirmRestore(c: AppContext) {
  guard(c);
  const { page, revision } = await loadVersion(c);
  const when = formatTimestamp(revision.createdAt);
  const who = revision.authorName === "dataset" ? "as the dataset shipped it" : `by ${revision.authorName}`;
  return renderPrivate(c, {
    title: `Restore a version of ${page.title}`,
    body: () => (
      <VersionRestore
        {...{ page, revision, when, who }}
        action={restoreHref(page.slug, revision.id)}
        csrf={c.var.csrfToken()}
      />
    ),
  });
}

async function restoreVersion(c: AppContext) {
  const actor = guard(c);
  const { page, revision } = await loadVersion(c);
  await restoreContentPageRevision(c.var.deps, actor, page.slug, revision.id);
  return c.redirect(`/private/pages/${page.slug}/edit?done=restored`, 303);
}

/** Restoring an earlier version of a content page: a confirmation showing that version, then the restore. */
export const pageRestorePages = pageGroup([
  ["GET", "/private/pages/:slug/revisions/:revision/restore", confirmRestore],
  ["POST", "/private/pages/:slug/revisions/:revision/restore", restoreVersion],
]);
