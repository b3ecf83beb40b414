import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { pageParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import type { FormValues } from "../../kit/forms.js";
import { handleUpload } from "../../kit/uploads.js";
import { CsrfField, EmptyState, Notice, PageHeader, Pagination, Tag } from "../../web/components.js";
import { partialDateInput } from "../../web/format.js";
import { DataTable } from "../../web/table.js";
import { canManagePublications } from "./publications.policy.js";
import {
  findPublication,
  listPublications,
  type Publication,
  publicationChoices,
} from "./publications.queries.js";
import { categoryLabels } from "./publications.schemas.js";
import { createPublication, deletePublication, updatePublication } from "./publications.service.js";
import { PublicationForm } from "./views/publication-form.js";
import { PublicationDate } from "./views/publication-parts.js";

const onlySecretariat = "Only the secretariat manages publications.";
const notices: Record<string, string> = {
  added: "The publication was added.",
  saved: "Your changes were saved.",
  deleted: "The publication was deleted.",
};

const formValues = (p: Publication): FormValues => ({
  title: p.title,
  slug: p.slug,
  category: p.category,
  postedOn: p.postedOn ?? "",
  published:
    p.publishedOn && p.publishedPrecision ? partialDateInput(p.publishedOn, p.publishedPrecision) : "",
  description: p.description ?? "",
  producedBy: p.producedBy ?? "",
  editionLabel: p.editionLabel ?? "",
  uncertain: p.uncertain,
  certaintyNote: p.certaintyNote ?? "",
  sources: p.sources.join("\n"),
  externalUrl: p.externalUrl ?? "",
});

async function loadPublication(c: AppContext) {
  const p = await findPublication(c.var.deps.db, c.req.param("slug") ?? "");
  if (!p) throw notFound("The publication");
  return p;
}

const guard = personAllowedBy(canManagePublications, onlySecretariat);

/** The secretariat's publications: list, add, edit (with file upload) and delete after confirmation. */
export function publicationAdminPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/publications", async (c) => {
    guard(c);
    const page = pageParam(c.req.query("page"));
    const { rows, total } = await listPublications(c.var.deps.db, {}, page, 50);
    return renderPrivate(c, {
      title: "Publications",
      body: () => (
        <>
          <PageHeader
            title="Publications"
            lead={`${total} in the library.`}
            actions={
              <a class="button" href="/private/publications/new">
                Add a publication
              </a>
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <DataTable
            label="Publications"
            rows={rows}
            empty={<EmptyState title="No publications yet." />}
            columns={[
              {
                heading: "Title",
                cell: (p) => (
                  <>
                    <a href={`/publications/${p.slug}`}>{p.title}</a>
                    {p.uncertain ? <Tag tone="warn">uncertain</Tag> : null}
                    <div class="small">
                      <a href={`/private/publications/${p.slug}/edit`}>
                        Edit<span class="visually-hidden"> {p.title}</span>
                      </a>{" "}
                      ·{" "}
                      <a href={`/private/publications/${p.slug}/delete`}>
                        Delete<span class="visually-hidden"> {p.title}</span>
                      </a>
                    </div>
                  </>
                ),
              },
              { heading: "Category", cell: (p) => categoryLabels[p.category] },
              { heading: "Date", cell: (p) => <PublicationDate p={p} /> },
              { heading: "Access", cell: (p) => (p.fileSha256 ? "PDF" : p.externalUrl ? "Link" : "—") },
            ]}
          />
          <Pagination
            page={page}
            pages={Math.max(1, Math.ceil(total / 50))}
            href={(n) => `/private/publications?page=${n}`}
          />
        </>
      ),
    });
  });

  const formPage = async (
    c: AppContext,
    p: { title: string; action: string; submit: string; current?: Publication },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const choices = (await publicationChoices(c.var.deps.db)).filter((x) => x.id !== p.current?.id);
    const current = p.current;
    return renderPrivate(c, {
      title: p.title,
      body: () => (
        <>
          <PageHeader title={p.title} />
          <PublicationForm
            action={p.action}
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            submitLabel={p.submit}
            choices={choices}
            currentFile={
              current?.fileSha256 && current.fileName
                ? { name: current.fileName, size: current.fileSize ?? 0 }
                : null
            }
          />
        </>
      ),
    });
  };
  const newPage = {
    title: "Add a publication",
    action: "/private/publications/new",
    submit: "Add publication",
  };

  app.get("/private/publications/new", async (c) => {
    guard(c);
    return formPage(c, newPage, { postedOn: c.var.deps.now().toISOString().slice(0, 10) });
  });

  app.post("/private/publications/new", async (c) => {
    const actor = guard(c);
    return handleUpload(
      c,
      async (values, file) => {
        const p = await createPublication(c.var.deps, actor, values, file);
        return `/private/publications?done=added&slug=${p.slug}`;
      },
      (values, errors, message) => formPage(c, newPage, values, errors, message),
    );
  });

  const editPage = (p: Publication) => ({
    title: `Edit ${p.title}`,
    action: `/private/publications/${p.slug}/edit`,
    submit: "Save changes",
    current: p,
  });

  app.get("/private/publications/:slug/edit", async (c) => {
    guard(c);
    const p = await loadPublication(c);
    const prev = p.previousEditionId
      ? (await publicationChoices(c.var.deps.db)).find((x) => x.id === p.previousEditionId)
      : undefined;
    return formPage(c, editPage(p), { ...formValues(p), previousEdition: prev?.slug ?? "" });
  });

  app.post("/private/publications/:slug/edit", async (c) => {
    const actor = guard(c);
    const p = await loadPublication(c);
    return handleUpload(
      c,
      async (values, file) => {
        await updatePublication(c.var.deps, actor, p.slug, values, file);
        return "/private/publications?done=saved";
      },
      (values, errors, message) => formPage(c, editPage(p), values, errors, message),
    );
  });

  app.get("/private/publications/:slug/delete", async (c) => {
    guard(c);
    const p = await loadPublication(c);
    return renderPrivate(c, {
      title: "Delete publication",
      body: () => (
        <>
          <PageHeader
            title="Delete this publication?"
            lead={`“${p.title}” will disappear from the library and from Home. The audit log keeps a record.`}
          />
          <form method="post" action={`/private/publications/${p.slug}/delete`} class="form">
            <CsrfField token={c.var.csrfToken()} />
            <p class="form-actions">
              <button class="button button-danger" type="submit">
                Delete publication
              </button>{" "}
              <a href="/private/publications">Keep it</a>
            </p>
          </form>
        </>
      ),
    });
  });

  app.post("/private/publications/:slug/delete", async (c) => {
    const actor = guard(c);
    const p = await loadPublication(c);
    await deletePublication(c.var.deps, actor, p.slug);
    return c.redirect("/private/publications?done=deleted", 303);
  });

  return app;
}
