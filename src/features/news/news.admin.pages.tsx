import { Hono } from "hono";
import { type ArticleStatus, articleStatuses } from "../../db/schema/index.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { formBody, handleForm, parseForm } from "../../http/forms.js";
import { authorize, pageParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { EmptyState, ErrorSummary, Notice, PageHeader, Pagination } from "../../web/components.js";
import { formatPartialDate, formatTimestamp } from "../../web/format.js";
import { DataTable } from "../../web/table.js";
import { canManageNews } from "./news.policy.js";
import { type Article, listAllArticles } from "./news.queries.js";
import { createArticle, updateArticle } from "./news.service.js";
import { StatusTag, statusLabels } from "./views/article.js";
import { ArticleForm, ArticlePreview, type ArticleValues } from "./views/article-form.js";
import { loadArticle, PublishingPanel } from "./views/publishing.js";

const notices: Record<string, string> = {
  created: "The draft was saved. Publish or schedule it when it is ready.",
  saved: "Your changes were saved as a new revision.",
  published: "The article is published.",
  scheduled: "The article is scheduled.",
  unpublished: "The article was unpublished: visitors no longer see it.",
  restored: "The revision was restored as a new revision.",
};
const onlySecretariat = "Only the secretariat can manage news.";
const PER_PAGE = 20;

/** An article's content as form values. */
export const articleValues = (a: Article): ArticleValues => ({
  title: a.title,
  date: a.newsDate,
  datePrecision: a.datePrecision,
  place: a.place ?? "",
  summary: a.summary,
  body: a.body,
  imageUrl: a.imageUrl ?? "",
  imageAlt: a.imageAlt ?? "",
});

/** The secretariat's news pages: list with filters, write, edit with preview. */
export function newsAdminPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/news", async (c) => {
    authorize(canManageNews(requirePerson(c)), onlySecretariat);
    const q = (c.req.query("q") ?? "").trim().slice(0, 200);
    const status = articleStatuses.find((s) => s === c.req.query("status"));
    const page = pageParam(c.req.query("page"));
    const { rows, total } = await listAllArticles(c.var.deps.db, { status, q }, page, PER_PAGE);
    const href = (p: number) =>
      `/private/news?${new URLSearchParams({ ...(status ? { status } : {}), ...(q ? { q } : {}), page: String(p) })}`;
    return renderPrivate(c, {
      title: "News",
      body: () => (
        <>
          <PageHeader
            title="News"
            lead={`${total} article${total === 1 ? "" : "s"}${status || q ? " match" : ""}.`}
            actions={
              <a class="button" href="/private/news/new">
                Write an article
              </a>
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <StatusFilter status={status} q={q} />
          {rows.length === 0 ? (
            <EmptyState title="No articles here">Change the filters, or write an article.</EmptyState>
          ) : (
            <ArticleTable rows={rows} />
          )}
          <Pagination page={page} pages={Math.max(1, Math.ceil(total / PER_PAGE))} href={href} />
        </>
      ),
    });
  });

  const newForm = (
    c: AppContext,
    values: ArticleValues,
    opts: { errors?: FieldErrors; message?: string; preview?: boolean } = {},
  ) =>
    renderPrivate(c, {
      title: "Write an article",
      body: () => (
        <>
          <PageHeader title="Write an article" lead="It is saved as a draft; publish or schedule it next." />
          {opts.preview ? <ArticlePreview values={values} /> : null}
          <ArticleForm
            action="/private/news/new"
            csrf={c.var.csrfToken()}
            values={values}
            errors={opts.errors}
            message={opts.message}
            submitLabel="Save draft"
          />
        </>
      ),
    });

  app.get("/private/news/new", async (c) => {
    authorize(canManageNews(requirePerson(c)), onlySecretariat);
    return newForm(c, { date: c.var.deps.now().toISOString().slice(0, 10) });
  });

  app.post("/private/news/new", async (c) => {
    const actor = requirePerson(c);
    authorize(canManageNews(actor), onlySecretariat);
    // Only saving goes through handleForm, which shows the form again on text that cannot be stored.
    if ((await parseForm(c)).intent === "preview") return newForm(c, await formBody(c), { preview: true });
    return handleForm(
      c,
      async (b) => `/private/news/${(await createArticle(c.var.deps, actor, b)).id}/edit?done=created`,
      (b, errors, message) => newForm(c, b, { errors, message }),
    );
  });

  app.get("/private/news/:id/edit", async (c) => {
    const actor = requirePerson(c);
    const a = await loadArticle(c);
    authorize(canManageNews(actor), onlySecretariat);
    return renderEditPage(c, a, articleValues(a));
  });

  app.post("/private/news/:id/edit", async (c) => {
    const actor = requirePerson(c);
    const a = await loadArticle(c);
    authorize(canManageNews(actor), onlySecretariat);
    // Only saving goes through handleForm, which shows the form again on text that cannot be stored.
    if ((await parseForm(c)).intent === "preview")
      return renderEditPage(c, a, await formBody(c), { preview: true });
    return handleForm(
      c,
      async (b) => {
        await updateArticle(c.var.deps, actor, a.id, b);
        return `/private/news/${a.id}/edit?done=saved`;
      },
      (b, errors, message) => renderEditPage(c, a, b, { errors, message }),
    );
  });

  return app;
}

type EditOptions = {
  errors?: FieldErrors;
  message?: string;
  preview?: boolean;
  scheduleErrors?: FieldErrors;
  publishAt?: string;
};

/** The edit page: the content form (with an optional preview) beside the publishing panel. */
export function renderEditPage(c: AppContext, a: Article, values: ArticleValues, opts: EditOptions = {}) {
  return renderPrivate(c, {
    title: `Edit: ${a.title}`,
    body: () => (
      <>
        <PageHeader title="Edit article" lead={<StatusTag status={a.status} />} />
        <Notice text={notices[c.req.query("done") ?? ""]} />
        <ErrorSummary errors={opts.scheduleErrors} message="The article could not be scheduled." />
        {opts.preview ? <ArticlePreview values={values} /> : null}
        <div class="article-edit">
          <ArticleForm
            action={`/private/news/${a.id}/edit`}
            csrf={c.var.csrfToken()}
            values={values}
            errors={opts.errors}
            message={opts.message}
            submitLabel="Save changes"
          />
          <PublishingPanel
            a={a}
            csrf={c.var.csrfToken()}
            errors={opts.scheduleErrors}
            publishAt={opts.publishAt}
          />
        </div>
      </>
    ),
  });
}

function StatusFilter({ status, q }: { status?: ArticleStatus; q: string }) {
  return (
    <form method="get" action="/private/news" class="filters" aria-label="Filter articles">
      <label>
        Status
        <select name="status">
          <option value="">Any status</option>
          {articleStatuses.map((s) => (
            <option value={s} selected={s === status}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Title contains
        <input type="search" name="q" value={q} />
      </label>
      <button class="button button-quiet" type="submit">
        Filter
      </button>
    </form>
  );
}

function ArticleTable({ rows }: { rows: Article[] }) {
  return (
    <DataTable
      label="Articles"
      caption="Articles, last changed first"
      rows={rows}
      columns={[
        { heading: "Title", cell: (a) => <a href={`/private/news/${a.id}/edit`}>{a.title}</a> },
        { heading: "Date", class: "nowrap", cell: (a) => formatPartialDate(a.newsDate, a.datePrecision) },
        {
          heading: "Status",
          cell: (a) => (
            <>
              <StatusTag status={a.status} />
              {a.status === "scheduled" && a.publishAt ? (
                <div class="small">{formatTimestamp(a.publishAt)}</div>
              ) : null}
            </>
          ),
        },
        { heading: "Last changed", class: "nowrap small", cell: (a) => formatTimestamp(a.updatedAt) },
      ]}
    />
  );
}
