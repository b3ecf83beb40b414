import type { AppContext } from "../../../http/env.js";
import { AppError } from "../../../http/errors.js";
import { authorize } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { uploadBody } from "../../../kit/uploads.js";
import { agreedVersion } from "../consensus/agreed-version.service.js";
import { roundConsensus, roundForEndorsement } from "../consensus/consensus.queries.js";
import { loadProduct, productPath } from "../load.pages.js";
import type { ProductDetail } from "../products.queries.js";
import { canEndorseProduct } from "./endorsement.policy.js";
import { listSamDecisions } from "./endorsement.queries.js";
import { endorseProduct } from "./endorsement.service.js";
import {
  type EndorsementFormState,
  EndorsementOnRound,
  EndorsementPage,
  NoClosedRound,
  RoundStillOpen,
} from "./views/endorsement-page.js";
import { EndorsementSummary } from "./views/endorsement-summary.js";

/** The product named in the path, for the secretariat. */
async function productToEndorse(c: AppContext) {
  const l = await loadProduct(c);
  authorize(canEndorseProduct(l.actor), "Only the secretariat endorses and publishes products.");
  return l;
}

/** What the page shows below the header: the result, why it cannot be done yet, or the form. */
async function endorsementBody(c: AppContext, product: ProductDetail, form: EndorsementFormState) {
  const deps = c.var.deps;
  const actor = c.var.actor;
  if (product.status !== "drafting")
    return <EndorsementSummary deps={deps} actor={actor} product={product} />;
  const { open, closed } = await roundForEndorsement(deps, product.id);
  if (open) return <RoundStillOpen slug={product.slug} round={open.number} />;
  if (!closed) return <NoClosedRound />;
  const [status, decisions, state] = await Promise.all([
    roundConsensus(deps.db, closed),
    listSamDecisions(deps.db, deps.now()),
    agreedVersion(deps, product, closed),
  ]);
  return (
    <EndorsementOnRound
      {...{ deps, actor, product, state, decisions, form }}
      round={closed}
      ready={status.ready}
      csrf={c.var.csrfToken()}
    />
  );
}

async function endorsementPage(
  c: AppContext,
  product: ProductDetail,
  form: EndorsementFormState,
  status: 200 | 422 = 200,
) {
  const body = await endorsementBody(c, product, form);
  return renderPrivate(
    c,
    {
      title: `Endorse and publish: ${product.title}`,
      body: () => <EndorsementPage product={product}>{body}</EndorsementPage>,
    },
    status,
  );
}

async function endorsementForm(c: AppContext) {
  const { product } = await productToEndorse(c);
  return endorsementPage(c, product, { values: { title: product.title } });
}

async function endorseAndPublish(c: AppContext) {
  const { actor, product } = await productToEndorse(c);
  const { values, file } = await uploadBody(c);
  try {
    await endorseProduct(c.var.deps, actor, product.slug, values, file);
    return c.redirect(productPath(product.slug, "?done=published"), 303);
  } catch (e) {
    if (!(e instanceof AppError && e.code === "validation_failed")) throw e;
    return endorsementPage(c, product, { values, errors: e.fields, message: e.message }, 422);
  }
}

/** Endorsement and publication of a product by the secretariat, in one form. */
export const endorsementPages = pageGroup([
  ["GET", "/private/products/:slug/endorsement", endorsementForm],
  ["POST", "/private/products/:slug/endorsement", endorseAndPublish],
]);
