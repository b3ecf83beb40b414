import { diffDocuments } from "../../../domain/text-diff.js";
import type { Actor } from "../../../http/actor.js";
import type { AppContext } from "../../../http/env.js";
import { AppError, type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize, idParam } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import type { FormValues } from "../../../kit/forms.js";
import { isSubmitted } from "../comments/comments.policy.js";
import { loadProduct, productPath, roundPath } from "../load.pages.js";
import { canAddVersion, canEditProduct, canWriteComment } from "../products.policy.js";
import { findVersion, listVersions, type ProductDetail } from "../products.queries.js";
import { createVersion } from "../products.service.js";
import { findRound, listRounds } from "../rounds/rounds.queries.js";
import { NewVersion, VersionDiff, VersionText } from "./views/version-pages.js";

function newVersionPage(
  c: AppContext,
  product: ProductDetail,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  return renderPrivate(c, {
    title: `New version of ${product.title}`,
    body: () => <NewVersion product={product} csrf={c.var.csrfToken()} {...{ values, errors, message }} />,
  });
}

async function versionOf(c: AppContext, product: ProductDetail, param: string | undefined) {
  const v = await findVersion(c.var.deps.db, product.id, idParam(param));
  if (!v) throw notFound("The version");
  return v;
}

/** A link maker for "comment on this section" when the reader may comment in an open round on this version. */
async function commentLinkFor(c: AppContext, actor: Actor, product: ProductDetail, version: number) {
  const open = (await listRounds(c.var.deps.db, product.id)).find(
    (r) => r.status === "open" && r.deadline > c.var.deps.now() && r.versionNumber === version,
  );
  if (!open || actor.kind !== "person" || actor.organisationId === null) return undefined;
  const round = await findRound(c.var.deps.db, product.id, open.number);
  if (!round || !canWriteComment(actor, round) || isSubmitted(round, actor.organisationId)) return undefined;
  return (anchor: string) =>
    roundPath(product.slug, round.number, `/comments/new?section=${encodeURIComponent(anchor)}`);
}

/** The product named in the path, for its editors while its text may still change. */
async function productToVersion(c: AppContext) {
  const l = await loadProduct(c);
  authorize(
    canEditProduct(l.actor, l.product),
    "Only the secretariat and the lead group's chairs add versions.",
  );
  if (!canAddVersion(l.actor, l.product))
    throw new AppError("conflict", "The product is endorsed; its text can no longer change.");
  return l;
}

/** The form starts from the latest version's text. */
async function newVersionForm(c: AppContext) {
  const { product } = await productToVersion(c);
  const [latest] = await listVersions(c.var.deps.db, product.id);
  return newVersionPage(c, product, { body: latest?.body ?? "" });
}

async function submitVersion(c: AppContext) {
  const { actor, product } = await productToVersion(c);
  return handleForm(
    c,
    async (body) =>
      productPath(
        product.slug,
        `/versions/${(await createVersion(c.var.deps, actor, product.slug, body)).number}`,
      ),
    (body, errors, message) => newVersionPage(c, product, body, errors, message),
  );
}

async function versionPage(c: AppContext) {
  const { actor, product } = await loadProduct(c);
  const v = await versionOf(c, product, c.req.param("number"));
  const commentHref = await commentLinkFor(c, actor, product, v.number);
  return renderPrivate(c, {
    title: `${product.title}, version ${v.number}`,
    body: () => <VersionText product={product} version={v} commentHref={commentHref} />,
  });
}

async function compareVersions(c: AppContext) {
  const { product } = await loadProduct(c);
  const from = await versionOf(c, product, c.req.query("from"));
  const to = await versionOf(c, product, c.req.query("to"));
  const versions = (await listVersions(c.var.deps.db, product.id)).map((v) => v.number);
  const diff = diffDocuments(from.body, to.body);
  return renderPrivate(c, {
    title: `${product.title}: version ${from.number} → ${to.number}`,
    body: () => (
      <VersionDiff product={product} from={from.number} to={to.number} versions={versions} diff={diff} />
    ),
  });
}

/** Versions of a product: read one with numbered sections, add one, compare two. */
export const versionPages = pageGroup([
  ["GET", "/private/products/:slug/versions/new", newVersionForm],
  ["POST", "/private/products/:slug/versions/new", submitVersion],
  ["GET", "/private/products/:slug/versions/:number", versionPage],
  ["GET", "/private/products/:slug/diff", compareVersions],
]);
