import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { AppContext } from "../../http/env.js";
import { AppError, type FieldErrors, notFound } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { personAllowedBy } from "../../http/guards.js";
import { renderPage, renderPrivate } from "../../http/page.js";
import { type PageRoute, pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { historyPage, numberFromFirst } from "../../kit/revisions.js";
import { PageHeader } from "../../web/components.js";
import { renderMarkdown } from "../../web/markdown.js";
import { canEditPages } from "./pages.policy.js";
import { type ContentPage, findContentPage, listContentPages, listPageRevisions } from "./pages.queries.js";
import { restoreHref } from "./pages.restore.pages.js";
import { type PageContent, previewContentPage, updateContentPage } from "./pages.service.js";
import { PageEditor } from "./views/page-editor.js";
import { PageList } from "./views/page-list.js";

/**
 * Renders a content page at its public address, with optional extra content below the text
 * (other features put their data views there, e.g. under the Advanced Technology intro).
 */
export async function renderContentPage(c: AppContext, slug: string, extra?: Child) {
  const page = await findContentPage(c.var.deps.db, slug);
  if (!page) throw notFound("This page");
  return renderPage(c, {
    title: page.title,
    description: page.summary ?? undefined,
    body: () => (
      <div class="wrap prose-page">
        <PageHeader title={page.title} lead={page.summary ?? undefined} />
        <div class="prose">{raw(renderMarkdown(page.body))}</div>
        {extra ?? null}
      </div>
    ),
  });
}

/**
 * The public addresses of content pages. `servedBy` names the feature that registers the route
 * itself (rendering the page with `renderContentPage` and its own data below), so it is not added twice.
 */
export const contentPageRoutes: Array<{ path: string; slug: string; servedBy?: string }> = [
  { path: "/science", slug: "science", servedBy: "ger (science.pages.tsx)" },
  { path: "/technology", slug: "technology", servedBy: "technology (technology.public.pages.tsx)" },
  { path: "/lunar-volatiles", slug: "lunar-volatiles", servedBy: "ger (volatiles.pages.tsx)" },
  { path: "/terms-of-reference", slug: "terms-of-reference" },
];

const publicPath = (slug: string) => contentPageRoutes.find((r) => r.slug === slug)?.path;

const guard = personAllowedBy(canEditPages, "Only the secretariat edits pages.");

async function loadPage(c: AppContext) {
  const page = await findContentPage(c.var.deps.db, c.req.param("slug") ?? "");
  if (!page) throw notFound("The page");
  return page;
}

/** The content page at one public address. */
const contentPage =
  (slug: string) =>
  (c: AppContext): Promise<Response> =>
    renderContentPage(c, slug);

async function pageList(c: AppContext) {
  guard(c);
  const pages = await listContentPages(c.var.deps.db);
  return renderPrivate(c, {
    title: "Pages",
    body: () => <PageList pages={pages} publicPath={publicPath} saved={c.req.query("done") === "saved"} />,
  });
}

async function editPage(
  c: AppContext,
  page: ContentPage,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
  preview?: PageContent,
  status: 200 | 422 = 200,
) {
  const history = await listPageRevisions(c.var.deps.db, page.id, historyPage(c.req.query("page")));
  const rows = history.rows.map((r, i) => ({
    number: numberFromFirst(history, i),
    at: r.createdAt,
    by: r.authorName,
    title: r.title,
    restoreHref: restoreHref(page.slug, r.id),
  }));
  return renderPrivate(
    c,
    {
      title: `Edit ${page.title}`,
      body: () => (
        <PageEditor
          title={page.title}
          action={`/private/pages/${page.slug}/edit`}
          restored={c.req.query("done") === "restored"}
          {...{ preview, values, errors, message }}
          csrf={c.var.csrfToken()}
          history={{ rows, page: history.page, pages: history.pages }}
        />
      ),
    },
    status,
  );
}

async function editPageForm(c: AppContext) {
  guard(c);
  const page = await loadPage(c);
  return editPage(c, page, { title: page.title, summary: page.summary ?? "", body: page.body });
}

/** One form, two buttons: preview (nothing saved) or save. */
async function submitPage(c: AppContext) {
  const actor = guard(c);
  const page = await loadPage(c);
  const body = await formBody(c);
  try {
    if (body.action === "preview") {
      const preview = previewContentPage(actor, body);
      return editPage(c, page, body, undefined, undefined, preview);
    }
    await updateContentPage(c.var.deps, actor, page.slug, body);
    return c.redirect("/private/pages?done=saved", 303);
  } catch (e) {
    if (e instanceof AppError && e.code === "validation_failed") {
      return editPage(c, page, body, e.fields, e.message, undefined, 422);
    }
    throw e;
  }
}

/** The public content pages no other feature serves. */
export const contentPages = pageGroup(
  contentPageRoutes.filter((r) => !r.servedBy).map((r): PageRoute => ["GET", r.path, contentPage(r.slug)]),
);

/** The secretariat's editor of content pages, with a server-side preview and revisions. */
export const pageEditorPages = pageGroup([
  ["GET", "/private/pages", pageList],
  ["GET", "/private/pages/:slug/edit", editPageForm],
  ["POST", "/private/pages/:slug/edit", submitPage],
]);
