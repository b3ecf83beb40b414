import type { Child } from "hono/jsx";
import type { Deps } from "../../../../deps.js";
import type { Actor } from "../../../../http/actor.js";
import type { FieldErrors } from "../../../../http/errors.js";
import { EmptyState, PageHeader } from "../../../../web/components.js";
import { type AgreedVersion, textSha256 } from "../../consensus/agreed-version.service.js";
import { AgreedVersionNote } from "../../consensus/views/agreed-version.js";
import { ConsensusPanel, MatrixLinks } from "../../consensus/views/consensus-panel.js";
import { productPath, roundPath } from "../../load.pages.js";
import type { ProductDetail } from "../../products.queries.js";
import type { RoundDetail } from "../../rounds/rounds.queries.js";
import type { DecisionChoice } from "../endorsement.queries.js";
import { EndorsementForm, type EndorsementValues } from "./endorsement-form.js";

export type EndorsementFormState = { values: EndorsementValues; errors?: FieldErrors; message?: string };

/** The endorsement page's frame: the way back and the product's title above what it shows. */
export function EndorsementPage(p: { product: ProductDetail; children: Child }) {
  return (
    <>
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href="/private/products">Products</a> › <a href={productPath(p.product.slug)}>{p.product.title}</a>
      </nav>
      <PageHeader eyebrow="Endorsement and publication" title={p.product.title} />
      {p.children}
    </>
  );
}

export const RoundStillOpen = ({ slug, round }: { slug: string; round: number }) => (
  <EmptyState title={`Review round ${round} is still open.`}>
    A product is endorsed on the consensus of a closed round.{" "}
    <a href={roundPath(slug, round)}>See the round</a>.
  </EmptyState>
);

export const NoClosedRound = () => (
  <EmptyState title="No review round has closed yet.">A product is endorsed after its review.</EmptyState>
);

/**
 * The closed round endorsement rests on, its consensus and the agreed version; the form once the
 * consensus is ready and a SAM decision is recorded.
 */
export function EndorsementOnRound(p: {
  deps: Deps;
  actor: Actor;
  product: ProductDetail;
  round: RoundDetail;
  ready: boolean;
  state: AgreedVersion;
  decisions: DecisionChoice[];
  csrf: string;
  form: EndorsementFormState;
}) {
  const { product, round: closed, state } = p;
  const version = state.endorsable;
  return (
    <>
      <p>
        Endorsement rests on <a href={roundPath(product.slug, closed.number)}>review round {closed.number}</a>
        , which reviewed version {closed.versionNumber}
        {state.latest.id === state.agreed.id ? ": that version is what gets published." : "."}
      </p>
      <ConsensusPanel deps={p.deps} actor={p.actor} product={product} round={closed} />
      <MatrixLinks slug={product.slug} round={closed.number} />
      {p.ready ? (
        <AgreedVersionNote
          slug={product.slug}
          state={state}
          round={closed.number}
          sha256={version ? textSha256(version.body) : undefined}
        />
      ) : null}
      {!p.ready || !version ? null : p.decisions.length === 0 ? (
        <EmptyState title="No SAM meeting decision is recorded yet.">
          Record the endorsing decision on the SAM meeting's page first (Meetings, then the meeting, then
          Decisions).
        </EmptyState>
      ) : (
        <EndorsementForm
          version={version.number}
          sha256={textSha256(version.body)}
          action={productPath(product.slug, "/endorsement")}
          csrf={p.csrf}
          decisions={p.decisions}
          cancel={productPath(product.slug)}
          {...p.form}
        />
      )}
    </>
  );
}
