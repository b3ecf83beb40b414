import type { AppContext } from "../../../http/env.js";
import { authorize, pageParam } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { canReadProductHistory } from "../endorsement/endorsement.policy.js";
import { loadProduct } from "../load.pages.js";
import { HISTORY_PER_PAGE, productHistory, visibleHistory } from "./history.queries.js";
import { ProductHistory } from "./views/product-history.js";

async function productHistoryPage(c: AppContext) {
  const { actor, product } = await loadProduct(c);
  authorize(canReadProductHistory(actor));
  const page = pageParam(c.req.query("page"));
  const { rows, total } = await productHistory(c.var.deps.db, product.id, page);
  const visible = await visibleHistory(c.var.deps.db, actor, product, rows);
  const pages = Math.max(1, Math.ceil(total / HISTORY_PER_PAGE));
  return renderPrivate(c, {
    title: `History: ${product.title}`,
    body: () => <ProductHistory product={product} rows={visible} page={page} pages={pages} />,
  });
}

/** A product's history from the audit log: who did what and when, for every step. */
export const historyPages = pageGroup([["GET", "/private/products/:slug/history", productHistoryPage]]);
