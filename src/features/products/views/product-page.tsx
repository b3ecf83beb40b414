import type { Deps } from "../../../deps.js";
import type { Person } from "../../../http/actor.js";
import { Notice, PageHeader } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { EndorsementSummary } from "../endorsement/views/endorsement-summary.js";
import { productPath } from "../load.pages.js";
import { canAddVersion, canEditProduct, canOpenRound } from "../products.policy.js";
import type { ProductDetail } from "../products.queries.js";
import { productKindLabels } from "../products.schemas.js";
import { ProductOverview } from "./overview.js";

/** A product's page: what the reader may do with it, its endorsement, versions and rounds. */
export function ProductPage(p: { deps: Deps; actor: Person; product: ProductDetail; notice?: string }) {
  const { actor, product } = p;
  return (
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
      <Notice text={p.notice} />
      <EndorsementSummary deps={p.deps} actor={actor} product={product} />
      <ProductOverview deps={p.deps} product={product} />
      <p class="muted small">Last changed {formatTimestamp(product.updatedAt)}.</p>
    </>
  );
}
