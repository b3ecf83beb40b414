import { EmptyState, Notice, PageHeader, Pagination, Tag } from "../../../web/components.js";
import { DataTable } from "../../../web/table.js";
import type { listPublications } from "../publications.queries.js";
import { categoryLabels } from "../publications.schemas.js";
import { PublicationDate } from "./publication-parts.js";

type Row = Awaited<ReturnType<typeof listPublications>>["rows"][number];

/** The library as the secretariat manages it, a page at a time, each with its edit and delete links. */
export function PublicationAdminList(p: {
  rows: Row[];
  total: number;
  page: number;
  perPage: number;
  notice: string | undefined;
}) {
  return (
    <>
      <PageHeader
        title="Publications"
        lead={`${p.total} in the library.`}
        actions={
          <a class="button" href="/private/publications/new">
            Add a publication
          </a>
        }
      />
      <Notice text={p.notice} />
      <DataTable
        label="Publications"
        rows={p.rows}
        empty={<EmptyState title="No publications yet." />}
        columns={[
          {
            heading: "Title",
            cell: (x) => (
              <>
                <a href={`/publications/${x.slug}`}>{x.title}</a>
                {x.uncertain ? <Tag tone="warn">uncertain</Tag> : null}
                <div class="small">
                  <a href={`/private/publications/${x.slug}/edit`}>
                    Edit<span class="visually-hidden"> {x.title}</span>
                  </a>{" "}
                  ·{" "}
                  <a href={`/private/publications/${x.slug}/delete`}>
                    Delete<span class="visually-hidden"> {x.title}</span>
                  </a>
                </div>
              </>
            ),
          },
          { heading: "Category", cell: (x) => categoryLabels[x.category] },
          { heading: "Date", cell: (x) => <PublicationDate p={x} /> },
          { heading: "Access", cell: (x) => (x.fileSha256 ? "PDF" : x.externalUrl ? "Link" : "—") },
        ]}
      />
      <Pagination
        page={p.page}
        pages={Math.max(1, Math.ceil(p.total / p.perPage))}
        href={(n) => `/private/publications?page=${n}`}
      />
    </>
  );
}
