import { formatTimestamp } from "../../../web/format.js";
import type { Article } from "../news.queries.js";
import { ArticleBody, ArticleMeta, statusLabels } from "./article.js";

/** An article's own page; `preview` when it is not live (only the secretariat sees it then). */
export function ArticlePage({ a, preview, manage }: { a: Article; preview: boolean; manage: boolean }) {
  return (
    <div class="wrap article-page">
      {preview ? (
        <p class="preview-banner" role="status">
          <strong>Preview.</strong> This article is {statusLabels[a.status].toLowerCase()}
          {a.status === "scheduled" && a.publishAt ? ` for ${formatTimestamp(a.publishAt)}` : ""} and not
          visible to the public.
        </p>
      ) : null}
      <p class="breadcrumb">
        <a href="/news">← All news</a>
      </p>
      <article>
        <h1>{a.title}</h1>
        <ArticleMeta a={a} />
        <p class="lead">{a.summary}</p>
        {a.imageUrl ? (
          <figure class="article-image">
            <img src={a.imageUrl} alt={a.imageAlt ?? ""} />
          </figure>
        ) : null}
        <ArticleBody body={a.body} />
      </article>
      {manage ? (
        <p>
          <a href={`/private/news/${a.id}/edit`}>Edit this article</a>
        </p>
      ) : null}
    </div>
  );
}
