import type { AppContext } from "../../../http/env.js";
import { AppError, type FieldErrors } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import type { FormValues } from "../../../kit/forms.js";
import { listOrganisations } from "../../directory/directory.queries.js";
import { commentableSections } from "../comments/comments.service.js";
import { loadProduct, loadRound, roundPath } from "../load.pages.js";
import { evidencePath } from "../positions/evidence.pages.js";
import { visiblePositions } from "../positions/positions.service.js";
import { canEditProduct, canOpenRound, canSeeComment } from "../products.policy.js";
import { listVersions, type ProductDetail } from "../products.queries.js";
import { listComments, listPositionRows } from "./rounds.queries.js";
import { openRound } from "./rounds.service.js";
import { OpenRound, RoundPage } from "./views/round-page.js";

const notices: Record<string, string> = {
  opened: "The round is open; the participating agencies' members were e-mailed the link.",
  commented: "Your comment was saved as a draft of your agency.",
  edited: "The comment was changed.",
  withdrawn: "The comment was withdrawn.",
  submitted: "Your agency's comments were submitted; every member can now read them.",
  disposition: "The disposition was saved.",
  position: "Your agency's position was recorded.",
  closed: "The round is closed and sealed.",
  deadline: "The deadline was moved; the participating agencies' members were e-mailed the reason.",
  response: "Your agency's answer to the disposition was recorded.",
  deferred: "Your agency's deferral was recorded: the deadline is two weeks later, and everyone was told.",
};

async function openRoundPage(
  c: AppContext,
  product: ProductDetail,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  const [versions, orgs] = await Promise.all([
    listVersions(c.var.deps.db, product.id),
    listOrganisations(c.var.deps.db),
  ]);
  return renderPrivate(c, {
    title: `Open a review round: ${product.title}`,
    body: () => (
      <OpenRound
        product={product}
        versions={versions.map((v) => v.number)}
        agencies={orgs.filter((o) => !o.leftOn)}
        csrf={c.var.csrfToken()}
        {...{ values, errors, message }}
      />
    ),
  });
}

/** The product named in the path, for its editors while it may still be reviewed. */
async function productToReview(c: AppContext) {
  const l = await loadProduct(c);
  authorize(
    canEditProduct(l.actor, l.product),
    "Only the secretariat and the lead group's chairs open rounds.",
  );
  if (!canOpenRound(l.actor, l.product))
    throw new AppError("conflict", "The product is endorsed; no more rounds.");
  return l;
}

/** The form starts on the latest version, with the product's agencies. */
async function openRoundForm(c: AppContext) {
  const { product } = await productToReview(c);
  const [latest] = await listVersions(c.var.deps.db, product.id);
  return openRoundPage(c, product, {
    version: String(latest?.number ?? ""),
    agencies: product.agencies.map((a) => a.acronym),
    timeZone: "UTC",
  });
}

async function startRound(c: AppContext) {
  const { actor, product } = await productToReview(c);
  return handleForm(
    c,
    async (body) =>
      roundPath(
        product.slug,
        (await openRound(c.var.deps, actor, product.slug, body)).number,
        "?done=opened",
      ),
    (body, errors, message) => openRoundPage(c, product, body, errors, message),
  );
}

async function roundPage(c: AppContext) {
  const { actor, product, round } = await loadRound(c);
  const deps = c.var.deps;
  // Every position and comment is read once: the lists show what the actor may see, the consensus
  // panel counts them all.
  const [sections, all, positionRows] = await Promise.all([
    commentableSections(deps, round),
    listComments(deps.db, round.id),
    listPositionRows(deps.db, round.id),
  ]);
  const positions = await visiblePositions(deps, actor, product, round, positionRows);
  const submitted = (orgId: number) => round.agencies.some((a) => a.id === orgId && a.commentsSubmittedAt);
  const visible = all.filter((cm) => canSeeComment(actor, cm, Boolean(submitted(cm.organisationId))));
  return renderPrivate(c, {
    title: `Round ${round.number}: ${product.title}`,
    body: () => (
      <RoundPage
        {...{ deps, actor, product, round, sections, all, positionRows, visible, positions, submitted }}
        notice={notices[c.req.query("done") ?? ""]}
        evidenceHref={(id) => evidencePath(product.slug, round.number, id)}
      />
    ),
  });
}

/** Review rounds: open one, and the round page (comments by section, positions, my agency's work). */
export const roundPages = pageGroup([
  ["GET", "/private/products/:slug/rounds/new", openRoundForm],
  ["POST", "/private/products/:slug/rounds/new", startRound],
  ["GET", "/private/products/:slug/rounds/:round", roundPage],
]);
