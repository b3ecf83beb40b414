import type { FieldErrors } from "../../../../http/errors.js";
import { EmptyState, PageHeader } from "../../../../web/components.js";
import type { AgreedVersion } from "../../consensus/agreed-version.service.js";
import { EditorialForm, UnconfirmedChanges } from "../../consensus/views/agreed-version.js";
import { productPath } from "../../load.pages.js";
import type { ProductDetail } from "../../products.queries.js";

/** The versions added after the last closed round's, and the form that records them as editorial only. */
export function EditorialPage(p: {
  product: ProductDetail;
  round: number | null;
  state: AgreedVersion | null;
  csrf: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
}) {
  const { product, round, state } = p;
  return (
    <>
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href="/private/products">Products</a> › <a href={productPath(product.slug)}>{product.title}</a>
      </nav>
      <PageHeader eyebrow="Editorial-only changes" title={product.title} />
      {round === null || !state || state.latest.id === state.agreed.id ? (
        <EmptyState title="Nothing to confirm.">
          No version was added after the last closed round's version.
        </EmptyState>
      ) : state.editorial ? (
        <EmptyState title="Already recorded.">
          The changes up to version {state.latest.number} are recorded as editorial only.
        </EmptyState>
      ) : (
        <>
          <UnconfirmedChanges slug={product.slug} state={state} round={round} />
          <EditorialForm
            action={productPath(product.slug, "/editorial")}
            csrf={p.csrf}
            state={state}
            values={p.values}
            errors={p.errors}
            message={p.message}
            cancel={productPath(product.slug)}
          />
        </>
      )}
    </>
  );
}
