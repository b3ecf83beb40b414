import { type ArticleStatus, articleStatuses } from "../../../db/schema/index.js";
import { EmptyState, Notice, PageHeader, Pagination } from "../../../web/components.js";
import { formatPartialDate, formatTimestamp } from "../../../web/format.js";
import { DataTable } from "../../../web/table.js";
import type { Article } from "../news.queries.js";
import { StatusTag, statusLabels } from "./article.js";

/** The secretariat's list of articles: the filters, a row per article, and the pages. */
export function NewsAdminList(p: {
  rows: Article[];
  total: number;
  status: ArticleStatus | undefined;
  q: string;
  notice: string | undefined;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const { total, status, q } = p;
  return (
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
      <Notice text={p.notice} />
      <StatusFilter status={status} q={q} />
      {p.rows.length === 0 ? (
        <EmptyState title="No articles here">Change the filters, or write an article.</EmptyState>
      ) : (
        <ArticleTable rows={p.rows} />
      )}
      <Pagination page={p.page} pages={p.pages} href={p.href} />
    </>
  );
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
