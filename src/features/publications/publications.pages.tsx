import { Hono } from "hono";
import { raw } from "hono/html";
import { type PublicationCategory, publicationCategories } from "../../db/schema/index.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { pageParam } from "../../http/guards.js";
import { renderPage } from "../../http/page.js";
import { EmptyState, PageHeader, Pagination } from "../../web/components.js";
import { renderMarkdown } from "../../web/markdown.js";
import { productOfPublication } from "../products/consensus-record/consensus-record.service.js";
import { serveStoredFile } from "./publications.download.export.js";
import { publicationFeedLinks } from "./publications.feeds.pages.js";
import {
  editionLineage,
  findPublication,
  listPublications,
  type Publication,
  publicationYears,
} from "./publications.queries.js";
import { categoryLabels } from "./publications.schemas.js";
import { AccessNote, formatSize, PublicationDate, PublicationItem } from "./views/publication-parts.js";

const PER_PAGE = 20;

function filterParams(c: AppContext) {
  const category = publicationCategories.find((k) => k === c.req.query("category"));
  const y = Number(c.req.query("year"));
  const year = Number.isInteger(y) && y >= 1900 && y <= 2200 ? y : undefined;
  return { category, year, page: pageParam(c.req.query("page")) };
}

const listHref = (f: { category?: PublicationCategory; year?: number }, page: number) => {
  const q = new URLSearchParams();
  if (f.category) q.set("category", f.category);
  if (f.year) q.set("year", String(f.year));
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/publications?${s}` : "/publications";
};

/** The public library: the list with filters, one publication, and its file. */
export function publicationPages() {
  const app = new Hono<AppEnv>();

  app.get("/publications", async (c) => {
    const f = filterParams(c);
    const db = c.var.deps.db;
    const [{ rows, total }, years] = await Promise.all([
      listPublications(db, f, f.page, PER_PAGE),
      publicationYears(db),
    ]);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const filtered = !!(f.category || f.year);
    return renderPage(c, {
      title: "Publications",
      description: "The forum's roadmaps, reports, white papers and other documents, newest first.",
      feeds: publicationFeedLinks,
      body: () => (
        <div class="wrap">
          <PageHeader
            title="Publications"
            lead="Roadmaps, annual reports, technology assessments, white papers and the terms of reference, newest first."
            actions={
              <p class="feed-links small">
                Follow: <a href="/feeds/publications.atom">Atom feed</a> ·{" "}
                <a href="/feeds/publications.rss">RSS feed</a>
              </p>
            }
          />
          <form method="get" action="/publications" class="filters" aria-label="Filter publications">
            <label>
              Category
              <select name="category">
                <option value="">All categories</option>
                {publicationCategories.map((k) => (
                  <option value={k} selected={k === f.category}>
                    {categoryLabels[k]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Year
              <select name="year">
                <option value="">All years</option>
                {years.map((y) => (
                  <option value={String(y)} selected={y === f.year}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <button class="button" type="submit">
              Show
            </button>
            {filtered ? <a href="/publications">Clear filters</a> : null}
          </form>
          <p class="muted" role="status">
            {total === 1 ? "1 publication" : `${total} publications`}
            {filtered ? " match these filters" : ""}.
          </p>
          {rows.length === 0 ? (
            <EmptyState title={filtered ? "No publication matches these filters." : "No publications yet."}>
              {filtered ? <a href="/publications">Show all publications</a> : null}
            </EmptyState>
          ) : (
            <ul class="pub-list">
              {rows.map((p) => (
                <PublicationItem p={p} />
              ))}
            </ul>
          )}
          <Pagination page={Math.min(f.page, pages)} pages={pages} href={(n) => listHref(f, n)} />
        </div>
      ),
    });
  });

  app.get("/publications/:slug/file", async (c) => {
    const p = await findPublication(c.var.deps.db, c.req.param("slug"));
    if (!p?.fileSha256 || !p.fileName) throw notFound("The file of this publication");
    return serveStoredFile(c, {
      sha256: p.fileSha256,
      name: p.fileName,
      type: p.fileType ?? "application/pdf",
    });
  });

  app.get("/publications/:slug", async (c) => {
    const p = await findPublication(c.var.deps.db, c.req.param("slug"));
    if (!p) throw notFound("The publication");
    const lineage = await editionLineage(c.var.deps.db, p);
    const product = await productOfPublication(c.var.deps, p.id);
    return renderPage(c, {
      title: p.title,
      description: p.description?.slice(0, 200) ?? undefined,
      body: () => <PublicationView p={p} lineage={lineage} productSlug={product?.slug ?? null} />,
    });
  });

  return app;
}

type Lineage = Awaited<ReturnType<typeof editionLineage>>;

function PublicationView({
  p,
  lineage,
  productSlug,
}: {
  p: Publication;
  lineage: Lineage;
  /** The consensus product it was published from, whose record members can read. */
  productSlug: string | null;
}) {
  const editions = [...lineage.before, { ...p, current: true }, ...lineage.after];
  return (
    <div class="wrap prose-page">
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href="/publications">Publications</a> › {categoryLabels[p.category]}
      </nav>
      <PageHeader eyebrow={categoryLabels[p.category]} title={p.title} />
      <dl class="details">
        <dt>Date</dt>
        <dd>
          <PublicationDate p={p} />
        </dd>
        {p.postedOn && p.publishedOn && p.publishedPrecision ? (
          <>
            <dt>Published</dt>
            <dd>
              <PublicationDate p={{ ...p, postedOn: null }} />
            </dd>
          </>
        ) : null}
        {p.editionLabel ? (
          <>
            <dt>Edition</dt>
            <dd>{p.editionLabel}</dd>
          </>
        ) : null}
        {p.producedBy ? (
          <>
            <dt>Produced by</dt>
            <dd>{p.producedBy}</dd>
          </>
        ) : null}
      </dl>
      {p.description ? <div class="prose">{raw(renderMarkdown(p.description))}</div> : null}
      <PublicationAccess p={p} />
      {productSlug ? (
        <p>
          <a href={`/private/products/${productSlug}/record`}>Consensus record</a>{" "}
          <span class="muted">(members: how the text was agreed)</span>
        </p>
      ) : null}
      {editions.length > 1 ? (
        <section aria-labelledby="editions">
          <h2 id="editions">Other editions</h2>
          <ol class="editions">
            {editions.map((e) =>
              "current" in e ? (
                <li aria-current="page">
                  <strong>{e.editionLabel ?? e.title}</strong> <span class="muted">(this page)</span>
                </li>
              ) : (
                <li>
                  <a href={`/publications/${e.slug}`}>{e.editionLabel ?? e.title}</a>
                  {e.editionLabel ? <span class="muted"> · {e.title}</span> : null}
                </li>
              ),
            )}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

/** How to read a publication: its stored PDF, or the publisher's address. */
export function PublicationAccess({ p }: { p: Publication }) {
  if (p.fileSha256) {
    return (
      <p class="pub-access">
        <a class="button" href={`/publications/${p.slug}/file`} type="application/pdf">
          Open the PDF<span class="visually-hidden">: {p.title}</span>
        </a>{" "}
        <span class="muted">
          {p.fileName}, {formatSize(p.fileSize ?? 0)}
        </span>
      </p>
    );
  }
  if (p.externalUrl) {
    return (
      <p class="pub-access">
        <a class="button" href={p.externalUrl} rel="noopener">
          Read it on the publisher's site<span class="visually-hidden">: {p.title}</span>
        </a>{" "}
        <AccessNote p={p} />
      </p>
    );
  }
  return <p class="muted">No file or link is available for this publication yet.</p>;
}
