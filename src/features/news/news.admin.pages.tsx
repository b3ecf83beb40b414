import { articleStatuses } from "../../db/schema/index.js";
import type { AppContext } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { formBody, handleForm, parseForm } from "../../http/forms.js";
import { authorize, idParam, pageParam, personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { PageHeader } from "../../web/components.js";
import { canManageNews } from "./news.policy.js";
import { type Article, findArticle, listAllArticles } from "./news.queries.js";
import { createArticle, updateArticle } from "./news.service.js";
import { ArticleEdit } from "./views/article-edit.js";
import { ArticleForm, ArticlePreview, type ArticleValues } from "./views/article-form.js";
import { NewsAdminList } from "./views/news-admin-list.js";

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

const editor = personAllowedBy(canManageNews, onlySecretariat);

/** The article named by the `:id` route parameter, or a 404. */
export async function loadArticle(c: AppContext): Promise<Article> {
  const a = await findArticle(c.var.deps.db, idParam(c.req.param("id")));
  if (!a) throw notFound("The article");
  return a;
}

/** The article the address names, for the secretariat: a missing one is a 404 before any refusal. */
async function managedArticle(c: AppContext) {
  const actor = requirePerson(c);
  const a = await loadArticle(c);
  authorize(canManageNews(actor), onlySecretariat);
  return { actor, a };
}

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

async function articleList(c: AppContext) {
  editor(c);
  const q = (c.req.query("q") ?? "").trim().slice(0, 200);
  const status = articleStatuses.find((s) => s === c.req.query("status"));
  const page = pageParam(c.req.query("page"));
  const { rows, total } = await listAllArticles(c.var.deps.db, { status, q }, page, PER_PAGE);
  const href = (p: number) =>
    `/private/news?${new URLSearchParams({ ...(status ? { status } : {}), ...(q ? { q } : {}), page: String(p) })}`;
  return renderPrivate(c, {
    title: "News",
    body: () => (
      <NewsAdminList
        {...{ rows, total, status, q, page, href }}
        notice={notices[c.req.query("done") ?? ""]}
        pages={Math.max(1, Math.ceil(total / PER_PAGE))}
      />
    ),
  });
}

function newForm(
  c: AppContext,
  values: ArticleValues,
  opts: { errors?: FieldErrors; message?: string; preview?: boolean } = {},
) {
  return renderPrivate(c, {
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
}

async function newArticleForm(c: AppContext) {
  editor(c);
  return newForm(c, { date: c.var.deps.now().toISOString().slice(0, 10) });
}

async function writeArticle(c: AppContext) {
  const actor = editor(c);
  // Only saving goes through handleForm, which shows the form again on text that cannot be stored.
  if ((await parseForm(c)).intent === "preview") return newForm(c, await formBody(c), { preview: true });
  return handleForm(
    c,
    async (b) => `/private/news/${(await createArticle(c.var.deps, actor, b)).id}/edit?done=created`,
    (b, errors, message) => newForm(c, b, { errors, message }),
  );
}

async function editArticleForm(c: AppContext) {
  const { a } = await managedArticle(c);
  return renderEditPage(c, a, articleValues(a));
}

async function saveArticle(c: AppContext) {
  const { actor, a } = await managedArticle(c);
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
      <ArticleEdit
        {...{ a, values }}
        {...opts}
        notice={notices[c.req.query("done") ?? ""]}
        csrf={c.var.csrfToken()}
      />
    ),
  });
}

/** The secretariat's news pages: list with filters, write, edit with preview. */
export const newsAdminPages = pageGroup([
  ["GET", "/private/news", articleList],
  ["GET", "/private/news/new", newArticleForm],
  ["POST", "/private/news/new", writeArticle],
  ["GET", "/private/news/:id/edit", editArticleForm],
  ["POST", "/private/news/:id/edit", saveArticle],
]);
