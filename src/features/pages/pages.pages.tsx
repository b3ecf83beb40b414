import { Hono } from "hono";
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { AppContext, AppEnv } from "../../http/env.js";
import { AppError, type FieldErrors, notFound } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { personAllowedBy } from "../../http/guards.js";
import { renderPage, renderPrivate } from "../../http/page.js";
import { type FormValues, val } from "../../kit/forms.js";
import { historyPage, numberFromFirst } from "../../kit/revisions.js";
import {
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  TableScroll,
  TextArea,
} from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { renderMarkdown } from "../../web/markdown.js";
import { RevisionHistory } from "../../web/revisions.js";
import { canEditPages } from "./pages.policy.js";
import { type ContentPage, findContentPage, listContentPages, listPageRevisions } from "./pages.queries.js";
import { pageRestorePages, restoreHref } from "./pages.restore.pages.js";
import { previewContentPage, updateContentPage } from "./pages.service.js";

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

/** Public content pages and the secretariat's editor with a server-side preview and revisions. */
export function contentPages() {
  const app = new Hono<AppEnv>();
  for (const r of contentPageRoutes) {
    if (!r.servedBy) app.get(r.path, (c) => renderContentPage(c, r.slug));
  }
  app.route("/", pageRestorePages());

  app.get("/private/pages", async (c) => {
    guard(c);
    const pages = await listContentPages(c.var.deps.db);
    return renderPrivate(c, {
      title: "Pages",
      body: () => (
        <>
          <PageHeader
            title="Content pages"
            lead="The texts of the public sections. Every saved version is kept."
          />
          <Notice text={c.req.query("done") === "saved" ? "The page was saved." : undefined} />
          <TableScroll label="Content pages">
            <table>
              <caption class="visually-hidden">Content pages</caption>
              <thead>
                <tr>
                  <th scope="col">Page</th>
                  <th scope="col">Address</th>
                  <th scope="col">Last changed</th>
                </tr>
              </thead>
              <tbody>
                {pages.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={`/private/pages/${p.slug}/edit`}>
                        {p.title}
                        <span class="visually-hidden"> (edit)</span>
                      </a>
                    </th>
                    <td>
                      {publicPath(p.slug) ? <a href={publicPath(p.slug)}>{publicPath(p.slug)}</a> : "—"}
                    </td>
                    <td>{formatTimestamp(p.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ),
    });
  });

  app.get("/private/pages/:slug/edit", async (c) => {
    guard(c);
    const page = await loadPage(c);
    return editPage(c, page, { title: page.title, summary: page.summary ?? "", body: page.body });
  });

  app.post("/private/pages/:slug/edit", async (c) => {
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
  });

  return app;
}

async function editPage(
  c: AppContext,
  page: ContentPage,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
  preview?: { title: string; summary: string | null; body: string },
  status: 200 | 422 = 200,
) {
  const history = await listPageRevisions(c.var.deps.db, page.id, historyPage(c.req.query("page")));
  const action = `/private/pages/${page.slug}/edit`;
  return renderPrivate(
    c,
    {
      title: `Edit ${page.title}`,
      body: () => (
        <>
          <PageHeader title={`Edit “${page.title}”`} />
          <Notice
            text={
              c.req.query("done") === "restored"
                ? "The earlier version was restored and saved as the newest version."
                : undefined
            }
          />
          {preview ? (
            <section class="preview" aria-labelledby="preview-title">
              <h2 id="preview-title">Preview (not saved yet)</h2>
              <div class="preview-frame">
                <p class="eyebrow">As visitors will see it</p>
                <p class="preview-heading">{preview.title}</p>
                {preview.summary ? <p class="lead">{preview.summary}</p> : null}
                <div class="prose">{raw(renderMarkdown(preview.body))}</div>
              </div>
            </section>
          ) : null}
          <form method="post" action={action} class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <Field name="title" label="Title" value={val(values, "title")} errors={errors} required />
            <Field
              name="summary"
              label="Summary"
              value={val(values, "summary")}
              errors={errors}
              hint="One sentence under the title, also used by search engines."
            />
            <TextArea
              name="body"
              label="Text"
              value={val(values, "body")}
              errors={errors}
              rows={18}
              required
              hint="Markdown: ## for headings, **bold**, [links](/publications), lists with “- ”. HTML is shown as text."
            />
            <p class="form-actions">
              <button class="button button-quiet" type="submit" name="action" value="preview">
                Preview
              </button>{" "}
              <button class="button" type="submit" name="action" value="save">
                Save page
              </button>{" "}
              <a href="/private/pages">Cancel</a>
            </p>
          </form>
          <h2>Earlier versions</h2>
          <RevisionHistory
            rows={history.rows.map((r, i) => ({
              number: numberFromFirst(history, i),
              at: r.createdAt,
              by: r.authorName,
              title: r.title,
              restoreHref: restoreHref(page.slug, r.id),
            }))}
            page={history.page}
            pages={history.pages}
            href={(n) => `${action}?page=${n}`}
            empty="No edits yet: the page is as the dataset shipped it."
          />
        </>
      ),
    },
    status,
  );
}
