import type { Deps } from "../../../../deps.js";
import type { Actor } from "../../../../http/actor.js";
import { formatTimestamp } from "../../../../web/format.js";
import { productPath } from "../../load.pages.js";
import type { ProductDetail } from "../../products.queries.js";
import { canEndorseProduct } from "../endorsement.policy.js";
import { publishedAs } from "../endorsement.queries.js";

/**
 * What became of a product: the decision that endorsed it and the publication (and news item) it was
 * published as; for the secretariat, the way to endorse it while it is drafted. Always the history.
 */
export async function EndorsementSummary(p: {
  deps: Pick<Deps, "db">;
  actor: Actor;
  product: ProductDetail;
}) {
  const { product } = p;
  const links = (
    <a class="button button-quiet" href={productPath(product.slug, "/history")}>
      History
    </a>
  );
  if (product.status === "drafting") {
    return (
      <p class="form-actions">
        {canEndorseProduct(p.actor) ? (
          <a class="button" href={productPath(product.slug, "/endorsement")}>
            Endorse and publish
          </a>
        ) : null}
        {links}
      </p>
    );
  }
  const done = await publishedAs(p.deps.db, product);
  return (
    <section aria-labelledby="endorsement" class="callout">
      <h2 id="endorsement">Endorsed and published</h2>
      <dl class="details">
        <dt>Endorsed</dt>
        <dd>
          {product.endorsedAt ? formatTimestamp(product.endorsedAt) : "—"}
          {done.decision ? (
            <>
              {" "}
              by decision D{done.decision.number} of{" "}
              <a href={`/meetings/${done.decision.meetingSlug}`}>{done.decision.meetingTitle}</a>
            </>
          ) : null}
        </dd>
        {done.versionNumber ? (
          <>
            <dt>Text endorsed</dt>
            <dd>
              <a href={productPath(product.slug, `/versions/${done.versionNumber}`)}>
                Version {done.versionNumber}
              </a>
              , SHA-256 <code class="hash">{product.endorsedSha256}</code>
            </dd>
          </>
        ) : null}
        <dt>Publication</dt>
        <dd>
          {done.publication ? (
            <a href={`/publications/${done.publication.slug}`}>{done.publication.title}</a>
          ) : (
            "—"
          )}
        </dd>
        {done.news ? (
          <>
            <dt>News</dt>
            <dd>
              {done.news.status === "published" ? (
                <a href={`/news/${done.news.slug}`}>{done.news.title}</a>
              ) : (
                <a href={`/private/news/${done.news.id}/edit`}>{done.news.title} (draft)</a>
              )}
            </dd>
          </>
        ) : null}
      </dl>
      <p class="form-actions">
        <a class="button button-quiet" href={productPath(product.slug, "/record")}>
          Consensus record
        </a>
        {links}
      </p>
    </section>
  );
}
