import type { AppContext } from "../../../../http/env.js";
import { renderPrivate } from "../../../../http/page.js";
import { CsrfField, PageHeader } from "../../../../web/components.js";
import { type loadRound, roundPath } from "../../load.pages.js";
import type { ProductDetail } from "../../products.queries.js";
import type { RoundDetail } from "../../rounds/rounds.queries.js";

/** A round as the review pages load it: the actor, the product and the round. */
export type Loaded = Awaited<ReturnType<typeof loadRound>>;
type Page = { title: string; lead?: string; form: (csrf: string) => unknown };

/** A review form inside the page frame: breadcrumb back to the round, heading and lead. */
export function reviewPage(c: AppContext, l: Loaded, page: Page) {
  return renderPrivate(c, {
    title: `${page.title}: ${l.product.title}`,
    body: () => (
      <>
        <nav class="breadcrumb" aria-label="Breadcrumb">
          <a href="/private/products">Products</a> ›{" "}
          <a href={roundPath(l.product.slug, l.round.number)}>
            {l.product.title}, round {l.round.number}
          </a>
        </nav>
        <PageHeader title={page.title} lead={page.lead} />
        {page.form(c.var.csrfToken()) as never}
      </>
    ),
  });
}

/** A confirmation page: what will happen, one button, and a way back. */
export function confirmPage(
  c: AppContext,
  l: Loaded,
  p: { title: string; lead: string; action: string; button: string; extra?: unknown },
) {
  return reviewPage(c, l, {
    title: p.title,
    lead: p.lead,
    form: (csrf) => (
      <>
        {p.extra as never}
        <form method="post" action={p.action} class="form">
          <CsrfField token={csrf} />
          <p class="form-actions">
            <button class="button" type="submit">
              {p.button}
            </button>
            <a href={roundPath(l.product.slug, l.round.number)}>Cancel</a>
          </p>
        </form>
      </>
    ),
  });
}

/** The address pattern of a round; the review forms hang below it. */
export const R = "/private/products/:slug/rounds/:round";
/** The round's page, with the notice of what was just done. */
export const back = (l: { product: ProductDetail; round: RoundDetail }, done: string) =>
  roundPath(l.product.slug, l.round.number, `?done=${done}`);
