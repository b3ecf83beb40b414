import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm, str } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { CsrfField, Notice, PageHeader, TableScroll } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { articleValues, renderEditPage } from "./news.admin.pages.js";
import { canManageNews } from "./news.policy.js";
import { publishArticle, scheduleArticle, unpublishArticle } from "./news.publishing.service.js";
import { findRevision, listRevisions } from "./news.queries.js";
import { restoreRevision } from "./news.service.js";
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
    const revisions = await listRevisions(c.var.deps.db, a.id);
    const shown = c.req.query("revision");
    const selected = shown ? await findRevision(c.var.deps.db, a.id, idParam(shown)) : undefined;
    if (shown && !selected) throw notFound("The revision");
    const csrf = c.var.csrfToken();
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
          <TableScroll label="Revisions">
            <table>
              <caption class="visually-hidden">Revisions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Revision</th>
                  <th scope="col">Saved</th>
                  <th scope="col">By</th>
                  <th scope="col">Title at the time</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r, i) => (
                  <tr>
                    <th scope="row">
                      {r.number}
                      {i === 0 ? <span class="muted small"> (current)</span> : null}
                      {r.note ? <div class="small muted">{r.note}</div> : null}
                    </th>
                    <td class="nowrap small">{formatTimestamp(r.at)}</td>
                    <td>{r.authorName}</td>
                    <td>
                      <a href={`/private/news/${a.id}/history?revision=${r.number}`}>{r.content.title}</a>
                    </td>
                    <td>
                      {i === 0 ? null : (
                        <form method="post" action={`/private/news/${a.id}/revisions/${r.number}/restore`}>
                          <CsrfField token={csrf} />
                          <button class="link-button" type="submit">
                            Restore<span class="visually-hidden"> revision {r.number}</span>
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {selected ? (
            <section class="article-preview" aria-labelledby="revision-title">
              <p class="eyebrow" id="revision-title">
                Revision {selected.number}, {formatTimestamp(selected.at)}
              </p>
              <h2>{selected.content.title}</h2>
              <ArticleMeta a={selected.content} />
              <p class="lead">{selected.content.summary}</p>
              <ArticleBody body={selected.content.body} />
            </section>
          ) : null}
        </>
      ),
    });
  });

  app.post("/private/news/:id/revisions/:number/restore", async (c) => {
    const actor = requirePerson(c);
    const a = await loadArticle(c);
    authorize(canManageNews(actor), onlySecretariat);
    await restoreRevision(c.var.deps, actor, a.id, idParam(c.req.param("number")));
    return c.redirect(`/private/news/${a.id}/history?done=restored`, 303);
  });

  return app;
}
