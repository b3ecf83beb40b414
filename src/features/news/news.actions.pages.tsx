import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm, str } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { historyPage } from "../../kit/revisions.js";
import { formatTimestamp } from "../../web/format.js";
import { RestoreConfirmation } from "../../web/revisions.js";
import { articleValues, loadArticle, renderEditPage } from "./news.admin.pages.js";
import { canManageNews } from "./news.policy.js";
import { publishArticle, scheduleArticle, unpublishArticle } from "./news.publishing.service.js";
import { findRevision, listArticleRevisions } from "./news.queries.js";
import { restoreArticleRevision } from "./news.service.js";
import { ArticleHistory, RevisionView, restoreHref, UnpublishConfirmation } from "./views/article-history.js";

/** The article the address names, for the secretariat. */
async function managedArticle(c: AppContext) {
  const actor = requirePerson(c);
  const a = await loadArticle(c);
  authorize(canManageNews(actor), "Only the secretariat can publish news.");
  return { actor, a };
}

async function publish(c: AppContext) {
  const { actor, a } = await managedArticle(c);
  await publishArticle(c.var.deps, actor, a.id);
  return c.redirect(`/private/news/${a.id}/edit?done=published`, 303);
}

/** Schedules publication; a bad time comes back on the edit page, beside the publishing panel. */
async function schedule(c: AppContext) {
  const { actor, a } = await managedArticle(c);
  return handleForm(
    c,
    async (body) => {
      await scheduleArticle(c.var.deps, actor, a.id, body);
      return `/private/news/${a.id}/edit?done=scheduled`;
    },
    (body, errors) =>
      renderEditPage(c, a, articleValues(a), { scheduleErrors: errors, publishAt: str(body.publishAt) }),
  );
}

async function confirmUnpublishing(c: AppContext) {
  const { a } = await managedArticle(c);
  return renderPrivate(c, {
    title: "Unpublish the article?",
    body: () => <UnpublishConfirmation a={a} csrf={c.var.csrfToken()} />,
  });
}

async function unpublish(c: AppContext) {
  const { actor, a } = await managedArticle(c);
  await unpublishArticle(c.var.deps, actor, a.id);
  return c.redirect(`/private/news/${a.id}/edit?done=unpublished`, 303);
}

async function articleHistory(c: AppContext) {
  const { a } = await managedArticle(c);
  const history = await listArticleRevisions(c.var.deps.db, a.id, historyPage(c.req.query("page")));
  const shown = c.req.query("revision");
  const selected = shown ? await findRevision(c.var.deps.db, a.id, idParam(shown)) : undefined;
  if (shown && !selected) throw notFound("The revision");
  return renderPrivate(c, {
    title: `History: ${a.title}`,
    body: () => (
      <ArticleHistory
        a={a}
        history={history}
        selected={selected}
        restored={c.req.query("done") === "restored"}
      />
    ),
  });
}

async function confirmRestore(c: AppContext) {
  const { a } = await managedArticle(c);
  const number = idParam(c.req.param("number"));
  const revision = await findRevision(c.var.deps.db, a.id, number);
  if (!revision) throw notFound("The revision");
  return renderPrivate(c, {
    title: `Restore a revision of ${a.title}`,
    body: () => (
      <RestoreConfirmation
        lead={`Revision ${number} of “${a.title}”, saved ${formatTimestamp(revision.at)} by ${revision.authorName}, becomes the article's content again. It is saved as a new revision: the current content stays in the history and can be restored in turn.`}
        action={restoreHref(a.id, number)}
        csrf={c.var.csrfToken()}
        back={`/private/news/${a.id}/history`}
        backLabel="Keep the current content"
      >
        <RevisionView r={revision} />
      </RestoreConfirmation>
    ),
  });
}

async function restore(c: AppContext) {
  const { actor, a } = await managedArticle(c);
  await restoreArticleRevision(c.var.deps, actor, a.id, idParam(c.req.param("number")));
  return c.redirect(`/private/news/${a.id}/history?done=restored`, 303);
}

/** Publishing actions (publish, schedule, unpublish with confirmation) and revision history with restore. */
export const newsActionPages = pageGroup([
  ["POST", "/private/news/:id/publish", publish],
  ["POST", "/private/news/:id/schedule", schedule],
  ["GET", "/private/news/:id/unpublish", confirmUnpublishing],
  ["POST", "/private/news/:id/unpublish", unpublish],
  ["GET", "/private/news/:id/history", articleHistory],
  ["GET", "/private/news/:id/revisions/:number/restore", confirmRestore],
  ["POST", "/private/news/:id/revisions/:number/restore", restore],
]);
