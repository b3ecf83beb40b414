import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm, str } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { historyPage } from "../../kit/revisions.js";
import { CsrfField, Notice, PageHeader } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { RestoreConfirmation, RevisionHistory } from "../../web/revisions.js";
import { articleValues, renderEditPage } from "./news.admin.pages.js";
import { canManageNews } from "./news.policy.js";
import { publishArticle, scheduleArticle, unpublishArticle } from "./news.publishing.service.js";
import { findRevision, listArticleRevisions, type Revision } from "./news.queries.js";
import { restoreArticleRevision } from "./news.service.js";
import { ArticleBody, ArticleMeta, StatusTag } from "./views/article.js";
import { loadArticle } from "./views/publishing.js";

const onlySecretariat = "Only the secretariat can publish news.";

/** Publishing actions (publish, schedule, unpublish with confirmation) and revision history with restore. */
export function newsActionPages() {
  const app = new Hono<AppEnv>();

  app.post("/private/news/:id/publish", async (c) => {
    const actor = requirePerson(c);
    const a = await loadArticle(c);
    authorize(canManageNews(actor), onlySecretariat);
    await publishArticle(c.var.deps, actor, a.id);
    return c.redirect(`/private/news/${a.id}/edit?done=published`, 303);
  });

  app.post("/private/news/:id/schedule", async (c) => {
    const actor = requirePerson(c);
    const a = await loadArticle(c);
    authorize(canManageNews(actor), onlySecretariat);
    return handleForm(
      c,
      async (body) => {
        await scheduleArticle(c.var.deps, actor, a.id, body);
        return `/private/news/${a.id}/edit?done=scheduled`;
      },
      (body, errors) =>
        renderEditPage(c, a, articleValues(a), { scheduleErrors: errors, publishAt: str(body.publishAt) }),
    );
  });

  app.get("/private/news/:id/unpublish", async (c) => {
    const actor = requirePerson(c);
    const a = await loadArticle(c);
    authorize(canManageNews(actor), onlySecretariat);
    return renderPrivate(c, {
      title: "Unpublish the article?",
      body: () => (
        <div class="confirm">
          <PageHeader title="Unpublish the article?" />
          <p>
            “{a.title}” will disappear from the news list, the home page, the feeds and search. Its address
            will answer “not found”. You can publish it again later; nothing is deleted.
          </p>
          <form method="post" action={`/private/news/${a.id}/unpublish`} class="form-actions">
            <CsrfField token={c.var.csrfToken()} />
            <button class="button button-danger" type="submit">
              Unpublish
            </button>
            <a href={`/private/news/${a.id}/edit`}>Cancel</a>
          </form>
        </div>
      ),
    });
  });

  app.post("/private/news/:id/unpublish", async (c) => {
    const actor = requirePerson(c);
    const a = await loadArticle(c);
    authorize(canManageNews(actor), onlySecretariat);
    await unpublishArticle(c.var.deps, actor, a.id);
    return c.redirect(`/private/news/${a.id}/edit?done=unpublished`, 303);
  });

  app.get("/private/news/:id/history", async (c) => {
    const actor = requirePerson(c);
    const a = await loadArticle(c);
    authorize(canManageNews(actor), onlySecretariat);
    const history = await listArticleRevisions(c.var.deps.db, a.id, historyPage(c.req.query("page")));
    const shown = c.req.query("revision");
    const selected = shown ? await findRevision(c.var.deps.db, a.id, idParam(shown)) : undefined;
    if (shown && !selected) throw notFound("The revision");
    return renderPrivate(c, {
      title: `History: ${a.title}`,
      body: () => (
        <>
          <PageHeader
            title="Revision history"
            lead={
              <>
                {a.title} <StatusTag status={a.status} />
              </>
            }
            actions={<a href={`/private/news/${a.id}/edit`}>Back to editing</a>}
          />
          <Notice
            text={
              c.req.query("done") === "restored" ? "The revision was restored as a new revision." : undefined
            }
          />
          <RevisionHistory
            rows={history.rows.map((r) => ({
              number: r.number,
              at: r.at,
              by: r.authorName,
              note: r.note,
              title: <a href={`/private/news/${a.id}/history?revision=${r.number}`}>{r.content.title}</a>,
              restoreHref: restoreHref(a.id, r.number),
            }))}
            page={history.page}
            pages={history.pages}
            href={(n) => `/private/news/${a.id}/history?page=${n}`}
            empty="No revisions yet."
          />
          {selected ? <RevisionView r={selected} /> : null}
        </>
      ),
    });
  });

  app.get("/private/news/:id/revisions/:number/restore", async (c) => {
    const actor = requirePerson(c);
    const a = await loadArticle(c);
    authorize(canManageNews(actor), onlySecretariat);
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
  });

  app.post("/private/news/:id/revisions/:number/restore", async (c) => {
    const actor = requirePerson(c);
    const a = await loadArticle(c);
    authorize(canManageNews(actor), onlySecretariat);
    await restoreArticleRevision(c.var.deps, actor, a.id, idParam(c.req.param("number")));
    return c.redirect(`/private/news/${a.id}/history?done=restored`, 303);
  });

  return app;
}

/** Where the confirmation for restoring one revision of an article lives. */
const restoreHref = (id: number, number: number) => `/private/news/${id}/revisions/${number}/restore`;

/** One revision's content, as the article showed it then. */
function RevisionView({ r }: { r: Revision }) {
  return (
    <section class="article-preview" aria-labelledby="revision-title">
      <p class="eyebrow" id="revision-title">
        Revision {r.number}, {formatTimestamp(r.at)}
      </p>
      <h2>{r.content.title}</h2>
      <ArticleMeta a={r.content} />
      <p class="lead">{r.content.summary}</p>
      <ArticleBody body={r.content.body} />
    </section>
  );
}
