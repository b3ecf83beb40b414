import { CsrfField, Notice, PageHeader } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { RevisionHistory } from "../../../web/revisions.js";
import type { Article, listArticleRevisions, Revision } from "../news.queries.js";
import { ArticleBody, ArticleMeta, StatusTag } from "./article.js";

/** Where the confirmation for restoring one revision of an article lives. */
export const restoreHref = (id: number, number: number) => `/private/news/${id}/revisions/${number}/restore`;

/** An article's saved revisions, a page at a time, and the one asked for shown in full. */
export function ArticleHistory(p: {
  a: Article;
  history: Awaited<ReturnType<typeof listArticleRevisions>>;
  selected: Revision | undefined;
  restored: boolean;
}) {
  const { a, history } = p;
  return (
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
      <Notice text={p.restored ? "The revision was restored as a new revision." : undefined} />
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
      {p.selected ? <RevisionView r={p.selected} /> : null}
    </>
  );
}

/** One revision's content, as the article showed it then. */
export function RevisionView({ r }: { r: Revision }) {
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

/** What unpublishing does, and the one button that does it. */
export function UnpublishConfirmation(p: { a: Article; csrf: string }) {
  return (
    <div class="confirm">
      <PageHeader title="Unpublish the article?" />
      <p>
        “{p.a.title}” will disappear from the news list, the home page, the feeds and search. Its address will
        answer “not found”. You can publish it again later; nothing is deleted.
      </p>
      <form method="post" action={`/private/news/${p.a.id}/unpublish`} class="form-actions">
        <CsrfField token={p.csrf} />
        <button class="button button-danger" type="submit">
          Unpublish
        </button>
        <a href={`/private/news/${p.a.id}/edit`}>Cancel</a>
      </form>
    </div>
  );
}
