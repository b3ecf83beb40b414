import type { AppContext } from "../../../http/env.js";
import { AppError, type FieldErrors } from "../../../http/errors.js";
import { handleForm, str } from "../../../http/forms.js";
import { authorize } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { agreedVersion, recordEditorialOnly } from "../consensus/agreed-version.service.js";
import { roundForEndorsement } from "../consensus/consensus.queries.js";
import { loadProduct, productPath } from "../load.pages.js";
import { canEditProduct } from "../products.policy.js";
import type { ProductDetail } from "../products.queries.js";
import { EditorialPage } from "./views/editorial-page.js";

const why = "Only the secretariat and the lead group's chairs record editorial-only changes.";

async function editorialPage(
  c: AppContext,
  product: ProductDetail,
  values: Record<string, string>,
  errors?: FieldErrors,
  message?: string,
) {
  const { closed } = await roundForEndorsement(c.var.deps, product.id);
  const state = closed ? await agreedVersion(c.var.deps, product, closed) : null;
  return renderPrivate(c, {
    title: `Editorial-only changes: ${product.title}`,
    body: () => (
      <EditorialPage
        product={product}
        round={closed?.number ?? null}
        state={state}
        csrf={c.var.csrfToken()}
        {...{ values, errors, message }}
      />
    ),
  });
}

/** The product named in the path, for its editors. */
async function productToEdit(c: AppContext) {
  const l = await loadProduct(c);
  authorize(canEditProduct(l.actor, l.product), why);
  return l;
}

async function editorialForm(c: AppContext) {
  const { product } = await productToEdit(c);
  return editorialPage(c, product, {});
}

async function recordEditorial(c: AppContext) {
  const { actor, product } = await productToEdit(c);
  return handleForm(
    c,
    async (body) => {
      const { closed, open } = await roundForEndorsement(c.var.deps, product.id);
      if (open) throw new AppError("conflict", `Review round ${open.number} is still open.`);
      await recordEditorialOnly(c.var.deps, actor, product.slug, closed, body);
      return productPath(product.slug, "/editorial");
    },
    (body, errors, message) => editorialPage(c, product, { reason: str(body.reason) }, errors, message),
  );
}

/** The editors record that the versions after the agreed one are editorial only (a reason, audited). */
export const editorialPages = pageGroup([
  ["GET", "/private/products/:slug/editorial", editorialForm],
  ["POST", "/private/products/:slug/editorial", recordEditorial],
]);
