import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { AppError, type FieldErrors } from "../../../http/errors.js";
import { handleForm, str } from "../../../http/forms.js";
import { authorize } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { EmptyState, PageHeader } from "../../../web/components.js";
import { agreedVersion, recordEditorialOnly } from "../consensus/agreed-version.service.js";
import { roundForEndorsement } from "../consensus/consensus.queries.js";
import { EditorialForm, UnconfirmedChanges } from "../consensus/views/agreed-version.js";
import { loadProduct, productPath } from "../load.pages.js";
import { canEditProduct } from "../products.policy.js";
import type { ProductDetail } from "../products.queries.js";

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
      <>
        <nav class="breadcrumb" aria-label="Breadcrumb">
          <a href="/private/products">Products</a> › <a href={productPath(product.slug)}>{product.title}</a>
        </nav>
        <PageHeader eyebrow="Editorial-only changes" title={product.title} />
        {!closed || !state || state.latest.id === state.agreed.id ? (
          <EmptyState title="Nothing to confirm.">
            No version was added after the last closed round's version.
          </EmptyState>
        ) : state.editorial ? (
          <EmptyState title="Already recorded.">
            The changes up to version {state.latest.number} are recorded as editorial only.
          </EmptyState>
        ) : (
          <>
            <UnconfirmedChanges slug={product.slug} state={state} round={closed.number} />
            <EditorialForm
              action={productPath(product.slug, "/editorial")}
              csrf={c.var.csrfToken()}
              state={state}
              values={values}
              errors={errors}
              message={message}
              cancel={productPath(product.slug)}
            />
          </>
        )}
      </>
    ),
  });
}

/** The editors record that the versions after the agreed one are editorial only (a reason, audited). */
export function editorialPages() {
  const app = new Hono<AppEnv>();
  app.get("/private/products/:slug/editorial", async (c) => {
    const { actor, product } = await loadProduct(c);
    authorize(canEditProduct(actor, product), why);
    return editorialPage(c, product, {});
  });
  app.post("/private/products/:slug/editorial", async (c) => {
    const { actor, product } = await loadProduct(c);
    authorize(canEditProduct(actor, product), why);
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
  });
  return app;
}
