import { type PublicationCategory, publicationCategories } from "../../db/schema/index.js";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { pageParam } from "../../http/guards.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { productOfPublication } from "../products/consensus-record/consensus-record.service.js";
import { serveStoredFile } from "./publications.download.export.js";
import { publicationFeedLinks } from "./publications.feeds.pages.js";
import {
  editionLineage,
  findPublication,
  listPublications,
  publicationYears,
} from "./publications.queries.js";
import { PublicationList } from "./views/publication-list.js";
import { PublicationPage } from "./views/publication-page.js";

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

async function publicationList(c: AppContext) {
  const f = filterParams(c);
  const db = c.var.deps.db;
  const [{ rows, total }, years] = await Promise.all([
    listPublications(db, f, f.page, PER_PAGE),
    publicationYears(db),
  ]);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return renderPage(c, {
    title: "Publications",
    description: "The forum's roadmaps, reports, white papers and other documents, newest first.",
    feeds: publicationFeedLinks,
    body: () => (
      <PublicationList
        {...{ f, years, rows, total, pages }}
        page={Math.min(f.page, pages)}
        href={(n) => listHref(f, n)}
      />
    ),
  });
}

async function publicationFile(c: AppContext) {
  const p = await findPublication(c.var.deps.db, c.req.param("slug") ?? "");
  if (!p?.fileSha256 || !p.fileName) throw notFound("The file of this publication");
  return serveStoredFile(c, {
    sha256: p.fileSha256,
    name: p.fileName,
    type: p.fileType ?? "application/pdf",
  });
}

async function publication(c: AppContext) {
  const p = await findPublication(c.var.deps.db, c.req.param("slug") ?? "");
  if (!p) throw notFound("The publication");
  const lineage = await editionLineage(c.var.deps.db, p);
  const product = await productOfPublication(c.var.deps, p.id);
  return renderPage(c, {
    title: p.title,
    description: p.description?.slice(0, 200) ?? undefined,
    body: () => <PublicationPage p={p} lineage={lineage} productSlug={product?.slug ?? null} />,
  });
}

/** The public library: the list with filters, one publication, and its file. */
export const publicationPages = pageGroup([
  ["GET", "/publications", publicationList],
  ["GET", "/publications/:slug/file", publicationFile],
  ["GET", "/publications/:slug", publication],
]);
