import type { FieldErrors } from "../../../http/errors.js";
import { ErrorSummary, Notice, PageHeader } from "../../../web/components.js";
import type { Article } from "../news.queries.js";
import { StatusTag } from "./article.js";
import { ArticleForm, ArticlePreview, type ArticleValues } from "./article-form.js";
import { PublishingPanel } from "./publishing.js";

/** The edit page: the content form (with an optional preview) beside the publishing panel. */
export function ArticleEdit(p: {
  a: Article;
  values: ArticleValues;
  notice: string | undefined;
  errors?: FieldErrors;
  message?: string;
  preview?: boolean;
  scheduleErrors?: FieldErrors;
  publishAt?: string;
  csrf: string;
}) {
  const { a, values } = p;
  return (
    <>
      <PageHeader title="Edit article" lead={<StatusTag status={a.status} />} />
      <Notice text={p.notice} />
      <ErrorSummary errors={p.scheduleErrors} message="The article could not be scheduled." />
      {p.preview ? <ArticlePreview values={values} /> : null}
      <div class="article-edit">
        <ArticleForm
          action={`/private/news/${a.id}/edit`}
          csrf={p.csrf}
          values={values}
          errors={p.errors}
          message={p.message}
          submitLabel="Save changes"
        />
        <PublishingPanel a={a} csrf={p.csrf} errors={p.scheduleErrors} publishAt={p.publishAt} />
      </div>
    </>
  );
}
