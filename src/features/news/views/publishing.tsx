import type { FieldErrors } from "../../../http/errors.js";
import { CsrfField, Field } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { Article } from "../news.queries.js";
import { StatusTag } from "./article.js";

/** Status, and the actions that change it: publish now, schedule, unpublish; plus links to history. */
export function PublishingPanel(p: { a: Article; csrf: string; errors?: FieldErrors; publishAt?: string }) {
  const { a } = p;
  const base = `/private/news/${a.id}`;
  const isPublic = a.status === "published";
  return (
    <aside class="card publishing" aria-labelledby="publishing-title">
      <h2 id="publishing-title">Publishing</h2>
      <p>
        Status: <StatusTag status={a.status} />
        {a.status === "scheduled" && a.publishAt ? <> for {formatTimestamp(a.publishAt)}</> : null}
        {isPublic && a.publishAt ? <> since {formatTimestamp(a.publishAt)}</> : null}
      </p>
      <p class="small">
        <a href={`/news/${a.slug}`}>{isPublic ? "View on the site" : "Preview on the site"}</a> ·{" "}
        <a href={`${base}/history`}>Revision history</a>
      </p>
      {isPublic ? null : (
        <form method="post" action={`${base}/publish`}>
          <CsrfField token={p.csrf} />
          <button class="button" type="submit">
            Publish now
          </button>
        </form>
      )}
      <form method="post" action={`${base}/schedule`} class="form" novalidate>
        <CsrfField token={p.csrf} />
        <Field
          name="publishAt"
          label="Publish at (UTC)"
          type="datetime-local"
          value={p.publishAt ?? (a.status === "scheduled" ? a.publishAt?.toISOString().slice(0, 16) : "")}
          errors={p.errors}
          required
          hint="YYYY-MM-DD HH:MM. It goes live at that time by itself."
        />
        <button class="button button-quiet" type="submit">
          {a.status === "scheduled" ? "Change the time" : "Schedule"}
        </button>
      </form>
      {isPublic || a.status === "scheduled" ? (
        <p>
          <a class="button button-danger" href={`${base}/unpublish`}>
            Unpublish…
          </a>
        </p>
      ) : null}
    </aside>
  );
}
