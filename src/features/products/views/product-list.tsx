import { EmptyState, PageHeader, Pagination, Tag } from "../../../web/components.js";
import { DataTable } from "../../../web/table.js";
import { productPath } from "../load.pages.js";
import { type listProducts, PRODUCTS_PER_PAGE } from "../products.queries.js";
import { productKindLabels } from "../products.schemas.js";

type ProductPage = Awaited<ReturnType<typeof listProducts>>;

function ProductTable(props: { page: number; list: ProductPage }) {
  const pages = Math.max(1, Math.ceil(props.list.total / PRODUCTS_PER_PAGE));
  if (props.list.items.length === 0)
    return (
      <EmptyState title="No products yet.">
        The secretariat and the chairs of working groups start them.
      </EmptyState>
    );
  return (
    <>
      <DataTable
        label="Products"
        caption="Consensus products, the most recently changed first"
        showCaption
        class="data-table"
        rows={props.list.items}
        columns={[
          { heading: "Title", cell: (p) => <a href={productPath(p.slug)}>{p.title}</a> },
          { heading: "Kind", cell: (p) => productKindLabels[p.kind] },
          { heading: "Lead group", cell: (p) => p.leadGroupName ?? "—" },
          { heading: "Versions", cell: (p) => p.versions },
          {
            heading: "Stage",
            cell: (p) =>
              p.openRound ? (
                <Tag tone="accent">In review (round {p.openRound})</Tag>
              ) : (
                <Tag tone={p.status === "drafting" ? "muted" : "ok"}>
                  {p.status === "drafting" ? "Drafting" : p.status === "endorsed" ? "Endorsed" : "Published"}
                </Tag>
              ),
          },
        ]}
      />
      <Pagination page={props.page} pages={pages} href={(n) => `/private/products?page=${n}`} />
    </>
  );
}

/** The consensus products, a page of them, with the way to start one for who may. */
export function ProductList(p: { mayStart: boolean; page: number; list: ProductPage }) {
  return (
    <>
      <PageHeader
        title="Products"
        lead="Drafts of the forum's non-binding products, reviewed by the participating agencies until they reach consensus."
        actions={
          p.mayStart ? (
            <a class="button" href="/private/products/new">
              Start a product
            </a>
          ) : undefined
        }
      />
      <ProductTable page={p.page} list={p.list} />
    </>
  );
}
