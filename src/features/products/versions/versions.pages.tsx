import { Hono } from "hono";
import { diffDocuments } from "../../../domain/text-diff.js";
import type { Actor } from "../../../http/actor.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { AppError, type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize, idParam } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import type { FormValues } from "../../../kit/forms.js";
import { PageHeader } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { plural } from "../../../web/words.js";
import { isSubmitted } from "../comments/comments.policy.js";
import { loadProduct, productPath, roundPath } from "../load.pages.js";
import { canAddVersion, canEditProduct, canWriteComment } from "../products.policy.js";
import { findVersion, listVersions, type ProductDetail } from "../products.queries.js";
import { createVersion } from "../products.service.js";
import { findRound, listRounds } from "../rounds/rounds.queries.js";
import { VersionForm } from "../views/forms.js";
import { CompareForm } from "../views/overview.js";
import { DiffView, NumberedDocument } from "./views/document.js";

const breadcrumb = (p: ProductDetail) => (
  <nav class="breadcrumb" aria-label="Breadcrumb">
    <a href="/private/products">Products</a> › <a href={productPath(p.slug)}>{p.title}</a>
  </nav>
);

function newVersionPage(
  c: AppContext,
  product: ProductDetail,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  return renderPrivate(c, {
    title: `New version of ${product.title}`,
    body: () => (
      <>
        {breadcrumb(product)}
        <PageHeader
          title={`New version of ${product.title}`}
          lead="Versions never change: saving adds a new one. Open comments follow their section into it."
        />
        <VersionForm
          action={productPath(product.slug, "/versions/new")}
          csrf={c.var.csrfToken()}
          values={values}
          errors={errors}
          message={message}
          cancel={productPath(product.slug)}
        />
      </>
    ),
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

/** Versions of a product: read one with numbered sections, add one, compare two. */
export function versionPages() {
  const app = new Hono<AppEnv>();

  const mayAdd = (actor: Parameters<typeof canAddVersion>[0], product: ProductDetail) => {
    authorize(
      canEditProduct(actor, product),
      "Only the secretariat and the lead group's chairs add versions.",
    );
    if (!canAddVersion(actor, product))
      throw new AppError("conflict", "The product is endorsed; its text can no longer change.");
  };

  app.get("/private/products/:slug/versions/new", async (c) => {
    const { actor, product } = await loadProduct(c);
    mayAdd(actor, product);
    const [latest] = await listVersions(c.var.deps.db, product.id);
    return newVersionPage(c, product, { body: latest?.body ?? "" });
  });
  app.post("/private/products/:slug/versions/new", async (c) => {
    const { actor, product } = await loadProduct(c);
    mayAdd(actor, product);
    return handleForm(
      c,
      async (body) =>
        productPath(
          product.slug,
          `/versions/${(await createVersion(c.var.deps, actor, product.slug, body)).number}`,
        ),
      (body, errors, message) => newVersionPage(c, product, body, errors, message),
    );
  });

  app.get("/private/products/:slug/versions/:number", async (c) => {
    const { actor, product } = await loadProduct(c);
    const v = await versionOf(c, product, c.req.param("number"));
    const commentHref = await commentLinkFor(c, actor, product, v.number);
    return renderPrivate(c, {
      title: `${product.title}, version ${v.number}`,
      body: () => (
        <>
          {breadcrumb(product)}
          <PageHeader
            eyebrow={`Version ${v.number}, ${formatTimestamp(v.createdAt)}`}
            title={product.title}
            lead={v.note || undefined}
          />
          <p>
            <a href={productPath(product.slug, `/versions/${v.number}/carried`)}>
              Open comments carried to this version from earlier ones
            </a>
          </p>
          <NumberedDocument body={v.body} commentHref={commentHref} />
        </>
      ),
    });
  });

  app.get("/private/products/:slug/diff", async (c) => {
    const { product } = await loadProduct(c);
    const from = await versionOf(c, product, c.req.query("from"));
    const to = await versionOf(c, product, c.req.query("to"));
    const versions = (await listVersions(c.var.deps.db, product.id)).map((v) => v.number);
    const diff = diffDocuments(from.body, to.body);
    const changed = diff.filter((d) => d.change !== "unchanged").length;
    return renderPrivate(c, {
      title: `${product.title}: version ${from.number} → ${to.number}`,
      body: () => (
        <>
          {breadcrumb(product)}
          <PageHeader
            title={`Changes from version ${from.number} to ${to.number}`}
            lead={`${changed} of ${plural(diff.length, "section")} changed. Inserted text is underlined, deleted text struck through.`}
          />
          <CompareForm slug={product.slug} versions={versions} from={from.number} to={to.number} />
          <DiffView diff={diff} />
        </>
      ),
    });
  });

  return app;
}
