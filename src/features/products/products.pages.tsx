import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, pageParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { loadProduct, productPath } from "./load.pages.js";
import { canCreateProduct, canEditProduct, canReadProducts } from "./products.policy.js";
import { listProducts, type ProductDetail } from "./products.queries.js";
import { createProduct, groupsActorMayLead, updateProduct } from "./products.service.js";
import { ProductFormPage } from "./views/product-form-page.js";
import { ProductList } from "./views/product-list.js";
import { ProductPage } from "./views/product-page.js";

const notices: Record<string, string> = {
  created: "The product was started. Add its first version next.",
  saved: "The product was saved.",
  published: "The product was endorsed and published; the public library shows it now.",
};

const reader = personAllowedBy(canReadProducts);
const starter = personAllowedBy(
  canCreateProduct,
  "The secretariat and chairs of working groups start products.",
);

type FormPage = { title: string; action: string; submit: string; cancel: string };

const newPage: FormPage = {
  title: "Start a product",
  action: "/private/products/new",
  submit: "Start the product",
  cancel: "/private/products",
};

const editPage = (p: ProductDetail): FormPage => ({
  title: `Edit ${p.title}`,
  action: productPath(p.slug, "/edit"),
  submit: "Save changes",
  cancel: productPath(p.slug),
});

async function formPage(
  c: AppContext,
  page: FormPage,
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
      <ProductFormPage
        {...page}
        groups={groups}
        agencies={orgs.filter((o) => !o.leftOn)}
        csrf={c.var.csrfToken()}
        {...{ values, errors, message }}
      />
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

async function productList(c: AppContext) {
  const actor = reader(c);
  const page = pageParam(c.req.query("page"));
  const list = await listProducts(c.var.deps.db, page);
  return renderPrivate(c, {
    title: "Products",
    body: () => <ProductList mayStart={canCreateProduct(actor)} page={page} list={list} />,
  });
}

async function newProductForm(c: AppContext) {
  starter(c);
  return formPage(c, newPage, {});
}

async function startProduct(c: AppContext) {
  const actor = starter(c);
  return handleForm(
    c,
    async (body) => productPath((await createProduct(c.var.deps, actor, body)).slug, "?done=created"),
    (body, errors, message) => formPage(c, newPage, body, errors, message),
  );
}

async function productPage(c: AppContext) {
  const { actor, product } = await loadProduct(c);
  return renderPrivate(c, {
    title: product.title,
    body: () => (
      <ProductPage
        deps={c.var.deps}
        actor={actor}
        product={product}
        notice={notices[c.req.query("done") ?? ""]}
      />
    ),
  });
}

/** The product named in the path, for the secretariat and the lead group's chairs. */
async function productToEdit(c: AppContext) {
  const l = await loadProduct(c);
  authorize(
    canEditProduct(l.actor, l.product),
    "Only the secretariat and the lead group's chairs can change it.",
  );
  return l;
}

async function editProductForm(c: AppContext) {
  const { product } = await productToEdit(c);
  return formPage(c, editPage(product), productValues(product));
}

async function saveProduct(c: AppContext) {
  const { actor, product } = await productToEdit(c);
  return handleForm(
    c,
    async (body) =>
      productPath((await updateProduct(c.var.deps, actor, product.slug, body)).slug, "?done=saved"),
    (body, errors, message) => formPage(c, editPage(product), body, errors, message),
  );
}

/** The private area's consensus products: list, start, overview and edit. */
export const productPages = pageGroup([
  ["GET", "/private/products", productList],
  ["GET", "/private/products/new", newProductForm],
  ["POST", "/private/products/new", startProduct],
  ["GET", "/private/products/:slug", productPage],
  ["GET", "/private/products/:slug/edit", editProductForm],
  ["POST", "/private/products/:slug/edit", saveProduct],
]);
