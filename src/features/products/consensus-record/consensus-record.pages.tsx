import type { AppContext } from "../../../http/env.js";
import { authorize } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { canReadProductHistory } from "../endorsement/endorsement.policy.js";
import { loadProduct } from "../load.pages.js";
import { consensusRecord } from "./consensus-record.service.js";
import { ConsensusRecordPage } from "./views/consensus-record.js";

async function consensusRecordPage(c: AppContext) {
  const { actor, product } = await loadProduct(c);
  authorize(canReadProductHistory(actor));
  const r = await consensusRecord(c.var.deps, product);
  return renderPrivate(c, {
    title: `Consensus record: ${product.title}`,
    body: () => <ConsensusRecordPage r={r} />,
  });
}

/** The consensus record of a published product, for every signed-in member. */
export const consensusRecordPages = pageGroup([
  ["GET", "/private/products/:slug/record", consensusRecordPage],
]);
