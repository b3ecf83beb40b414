import { Hono } from "hono";
import type { Actor } from "../../http/actor.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, pageParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import type { FormValues } from "../../kit/forms.js";
import { EmptyState, Notice, PageHeader, Pagination, Tag } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { DataTable } from "../../web/table.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { EndorsementSummary } from "./endorsement/views/endorsement-summary.js";
import { loadProduct, productPath } from "./load.pages.js";
import {
  canAddVersion,
  canCreateProduct,
  canEditProduct,
  canOpenRound,
  canReadProducts,
} from "./products.policy.js";
import { listProducts, PRODUCTS_PER_PAGE, type ProductDetail } from "./products.queries.js";
import { productKindLabels } from "./products.schemas.js";
import { createProduct, groupsActorMayLead, updateProduct } from "./products.service.js";
import { ProductForm } from "./views/forms.js";
import { ProductOverview } from "./views/overview.js";

const notices: Record<string, string> = {
  created: "The product was started. Add its first version next.",
  saved: "The product was saved.",
  published: "The product was endorsed and published; the public library shows it now.",
};

async function formPage(
  c: AppContext,
  page: { title: string; action: string; submit: string; cancel: string },
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  const [groups, orgs] = await Promise.all([
    groupsActorMayLead(c.var.deps, c.var.actor),
    listOrganisations(c.var.deps.db),
  ]);
  return renderPrivate(c, {
    title: page.title,
    body: () => (
      <>
        <PageHeader title={page.title} />
        {groups.length ? (
          <ProductForm
            action={page.action}
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            groups={groups}
            agencies={orgs.filter((o) => !o.leftOn)}
            submitLabel={page.submit}
            cancel={page.cancel}
          />
        ) : (
          <EmptyState title="You chair no working group.">
            A product is led by a group; its chairs and the secretariat start it.
          </EmptyState>
        )}
      </>
    ),
  });
}

const productValues = (p: ProductDetail): FormValues => ({
  title: p.title,
  slug: p.slug,
  kind: p.kind,
  leadGroup: p.leadGroup?.slug ?? "",
  agencies: p.agencies.map((a) => a.acronym),
});

function ProductList(props: { actor: Actor; page: number; list: Awaited<ReturnType<typeof listProducts>> }) {
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

/** The private area's consensus products: list, start, overview and edit. */
export function productPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/products", async (c) => {
    const actor = requirePerson(c);
    authorize(canReadProducts(actor));
    const page = pageParam(c.req.query("page"));
    const list = await listProducts(c.var.deps.db, page);
    return renderPrivate(c, {
      title: "Products",
      body: () => (
        <>
          <PageHeader
            title="Products"
            lead="Drafts of the forum's non-binding products, reviewed by the participating agencies until they reach consensus."
            actions={
              canCreateProduct(actor) ? (
                <a class="button" href="/private/products/new">
                  Start a product
                </a>
              ) : undefined
            }
          />
          <ProductList actor={actor} page={page} list={list} />
        </>
      ),
    });
  });

  const newPage = {
    title: "Start a product",
    action: "/private/products/new",
    submit: "Start the product",
    cancel: "/private/products",
  };
  app.get("/private/products/new", (c) => {
    authorize(
      canCreateProduct(requirePerson(c)),
      "The secretariat and chairs of working groups start products.",
    );
    return formPage(c, newPage, {});
  });
  app.post("/private/products/new", (c) => {
    const actor = requirePerson(c);
    authorize(canCreateProduct(actor), "The secretariat and chairs of working groups start products.");
    return handleForm(
      c,
      async (body) => productPath((await createProduct(c.var.deps, actor, body)).slug, "?done=created"),
      (body, errors, message) => formPage(c, newPage, body, errors, message),
    );
  });

  app.get("/private/products/:slug", async (c) => {
    const { actor, product } = await loadProduct(c);
    return renderPrivate(c, {
      title: product.title,
      body: () => (
        <>
          <PageHeader
            eyebrow={productKindLabels[product.kind]}
            title={product.title}
            actions={
              <>
                {canAddVersion(actor, product) ? (
                  <a class="button" href={productPath(product.slug, "/versions/new")}>
                    Add a version
                  </a>
                ) : null}
                {canOpenRound(actor, product) ? (
                  <a class="button button-quiet" href={productPath(product.slug, "/rounds/new")}>
                    Open a review round
                  </a>
                ) : null}
                {canEditProduct(actor, product) ? (
                  <a class="button button-quiet" href={productPath(product.slug, "/edit")}>
                    Edit
                  </a>
                ) : null}
              </>
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <EndorsementSummary deps={c.var.deps} actor={actor} product={product} />
          <ProductOverview deps={c.var.deps} product={product} />
          <p class="muted small">Last changed {formatTimestamp(product.updatedAt)}.</p>
        </>
      ),
    });
  });

  const editPage = (p: ProductDetail) => ({
    title: `Edit ${p.title}`,
    action: productPath(p.slug, "/edit"),
    submit: "Save changes",
    cancel: productPath(p.slug),
  });
  app.get("/private/products/:slug/edit", async (c) => {
    const { actor, product } = await loadProduct(c);
    authorize(
      canEditProduct(actor, product),
      "Only the secretariat and the lead group's chairs can change it.",
    );
    return formPage(c, editPage(product), productValues(product));
  });
  app.post("/private/products/:slug/edit", async (c) => {
    const { actor, product } = await loadProduct(c);
    authorize(
      canEditProduct(actor, product),
      "Only the secretariat and the lead group's chairs can change it.",
    );
    return handleForm(
      c,
      async (body) =>
        productPath((await updateProduct(c.var.deps, actor, product.slug, body)).slug, "?done=saved"),
      (body, errors, message) => formPage(c, editPage(product), body, errors, message),
    );
  });

  return app;
}
