import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { AppError, type FieldErrors } from "../../../http/errors.js";
import { authorize } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { uploadBody } from "../../../kit/uploads.js";
import { EmptyState, PageHeader } from "../../../web/components.js";
import { agreedVersion, textSha256 } from "../consensus/agreed-version.service.js";
import { roundConsensus, roundForEndorsement } from "../consensus/consensus.queries.js";
import { AgreedVersionNote } from "../consensus/views/agreed-version.js";
import { ConsensusPanel, MatrixLinks } from "../consensus/views/consensus-panel.js";
import { loadProduct, productPath, roundPath } from "../load.pages.js";
import type { ProductDetail } from "../products.queries.js";
import { canEndorseProduct } from "./endorsement.policy.js";
import { listSamDecisions } from "./endorsement.queries.js";
import { endorseProduct } from "./endorsement.service.js";
import { EndorsementForm, type EndorsementValues } from "./views/endorsement-form.js";
import { EndorsementSummary } from "./views/endorsement-summary.js";

type FormState = { values: EndorsementValues; errors?: FieldErrors; message?: string };

/** What the page shows below the header: the result, why it cannot be done yet, or the form. */
async function endorsementBody(c: AppContext, product: ProductDetail, form: FormState) {
  const deps = c.var.deps;
  const actor = c.var.actor;
  if (product.status !== "drafting")
    return <EndorsementSummary deps={deps} actor={actor} product={product} />;
  const { open, closed } = await roundForEndorsement(deps, product.id);
  if (open) {
    return (
      <EmptyState title={`Review round ${open.number} is still open.`}>
        A product is endorsed on the consensus of a closed round.{" "}
        <a href={roundPath(product.slug, open.number)}>See the round</a>.
      </EmptyState>
    );
  }
  if (!closed)
    return (
      <EmptyState title="No review round has closed yet.">A product is endorsed after its review.</EmptyState>
    );
  const [status, decisions, state] = await Promise.all([
    roundConsensus(deps.db, closed),
    listSamDecisions(deps.db, deps.now()),
    agreedVersion(deps, product, closed),
  ]);
  const version = state.endorsable;
  return (
    <>
      <p>
        Endorsement rests on <a href={roundPath(product.slug, closed.number)}>review round {closed.number}</a>
        , which reviewed version {closed.versionNumber}
        {state.latest.id === state.agreed.id ? ": that version is what gets published." : "."}
      </p>
      <ConsensusPanel deps={deps} actor={actor} product={product} round={closed} />
      <MatrixLinks slug={product.slug} round={closed.number} />
      {status.ready ? (
        <AgreedVersionNote
          slug={product.slug}
          state={state}
          round={closed.number}
          sha256={version ? textSha256(version.body) : undefined}
        />
      ) : null}
      {!status.ready || !version ? null : decisions.length === 0 ? (
        <EmptyState title="No SAM meeting decision is recorded yet.">
          Record the endorsing decision on the SAM meeting's page first (Meetings, then the meeting, then
          Decisions).
        </EmptyState>
      ) : (
        <EndorsementForm
          version={version.number}
          sha256={textSha256(version.body)}
          action={productPath(product.slug, "/endorsement")}
          csrf={c.var.csrfToken()}
          decisions={decisions}
          cancel={productPath(product.slug)}
          {...form}
        />
      )}
    </>
  );
}

async function endorsementPage(
  c: AppContext,
  product: ProductDetail,
  form: FormState,
  status: 200 | 422 = 200,
) {
  const body = await endorsementBody(c, product, form);
  return renderPrivate(
    c,
    {
      title: `Endorse and publish: ${product.title}`,
      body: () => (
        <>
          <nav class="breadcrumb" aria-label="Breadcrumb">
            <a href="/private/products">Products</a> › <a href={productPath(product.slug)}>{product.title}</a>
          </nav>
          <PageHeader eyebrow="Endorsement and publication" title={product.title} />
          {body}
        </>
      ),
    },
    status,
  );
}

/** Endorsement and publication of a product by the secretariat, in one form. */
export function endorsementPages() {
  const app = new Hono<AppEnv>();
  app.get("/private/products/:slug/endorsement", async (c) => {
    const { actor, product } = await loadProduct(c);
    authorize(canEndorseProduct(actor), "Only the secretariat endorses and publishes products.");
    return endorsementPage(c, product, { values: { title: product.title } });
  });
  app.post("/private/products/:slug/endorsement", async (c) => {
    const { actor, product } = await loadProduct(c);
    authorize(canEndorseProduct(actor), "Only the secretariat endorses and publishes products.");
    const { values, file } = await uploadBody(c);
    try {
      await endorseProduct(c.var.deps, actor, product.slug, values, file);
      return c.redirect(productPath(product.slug, "?done=published"), 303);
    } catch (e) {
      if (!(e instanceof AppError && e.code === "validation_failed")) throw e;
      return endorsementPage(c, product, { values, errors: e.fields, message: e.message }, 422);
    }
  });
  return app;
}
