import type { AppContext } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { authorize, idParam } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { Notice } from "../../../web/components.js";
import { loadProduct, productPath } from "../load.pages.js";
import { canEditProduct } from "../products.policy.js";
import { findVersion } from "../products.queries.js";
import { agenciesToReconfirm, carriedItems } from "./carried.queries.js";
import { confirmCarriedComment } from "./carried.service.js";
import { CarriedView } from "./views/carried.js";

const CARRIED = "/private/products/:slug/versions/:number/carried";

async function carriedComments(c: AppContext) {
  const { actor, product } = await loadProduct(c);
  const v = await findVersion(c.var.deps.db, product.id, idParam(c.req.param("number")));
  if (!v) throw notFound("The version");
  const items = await carriedItems(c.var.deps.db, product.id, v);
  const reconfirm = [...agenciesToReconfirm(items).values()];
  const csrf = canEditProduct(actor, product) ? c.var.csrfToken() : null;
  return renderPrivate(c, {
    title: `Comments carried to version ${v.number}: ${product.title}`,
    body: () => (
      <>
        <Notice text={c.req.query("done") === "confirmed" ? "The comment is confirmed." : null} />
        <CarriedView product={product} version={v.number} items={items} reconfirm={reconfirm} csrf={csrf} />
      </>
    ),
  });
}

/** An editor confirms where one moved or changed comment landed (audited). */
async function confirmCarried(c: AppContext) {
  const { actor, product } = await loadProduct(c);
  authorize(
    canEditProduct(actor, product),
    "Only the secretariat and the lead group's chairs confirm carried comments.",
  );
  const at = {
    version: idParam(c.req.param("number")),
    round: idParam(c.req.param("round")),
    comment: idParam(c.req.param("comment")),
  };
  await confirmCarriedComment(c.var.deps, actor, product, at);
  return c.redirect(
    productPath(
      product.slug,
      `/versions/${at.version}/carried?done=confirmed#carried-${at.round}-${at.comment}`,
    ),
    303,
  );
}

/** Comments that travel across versions, never silently: each one's section, old and new, side by side. */
export const carriedPages = pageGroup([
  ["GET", CARRIED, carriedComments],
  ["POST", `${CARRIED}/rounds/:round/comments/:comment/confirm`, confirmCarried],
]);
