import type { Deps } from "../../../../deps.js";
import { hasRole, type Person } from "../../../../http/actor.js";
import type { FieldErrors } from "../../../../http/errors.js";
import type { FormValues } from "../../../../kit/forms.js";
import { Notice, PageHeader, Tag } from "../../../../web/components.js";
import { formatTimestamp } from "../../../../web/format.js";
import { ConsensusPanel, MatrixLinks } from "../../consensus/views/consensus-panel.js";
import { productPath, roundPath } from "../../load.pages.js";
import type { visiblePositions } from "../../positions/positions.service.js";
import { canEditProduct, canSetPosition, canSubmitComments, canWriteComment } from "../../products.policy.js";
import type { Agency, ProductDetail } from "../../products.queries.js";
import { silenceLabels } from "../../products.schemas.js";
import { RoundForm } from "../../views/forms.js";
import { formatDeadline } from "../deadline.presenter.js";
import type { Comment, PositionRow, RoundDetail } from "../rounds.queries.js";
import { AgencyTable, CommentsBySection, PositionHistory } from "./round.js";

/** The form that opens a round on one of the product's versions, once it has one. */
export function OpenRound(p: {
  product: ProductDetail;
  versions: number[];
  agencies: Agency[];
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
}) {
  const { product } = p;
  return (
    <>
      <PageHeader title="Open a review round" lead={product.title} />
      {p.versions.length ? (
        <RoundForm
          action={productPath(product.slug, "/rounds/new")}
          csrf={p.csrf}
          values={p.values}
          errors={p.errors}
          message={p.message}
          versions={p.versions}
          agencies={p.agencies}
          cancel={productPath(product.slug)}
        />
      ) : (
        <p>Add a version first: a round reviews one version.</p>
      )}
    </>
  );
}

/** What the reader's agency may do in the round: comment, submit, set its position, ask for a deferral. */
function OwnAgency(p: { actor: Person; round: RoundDetail; own: number; submitted: boolean; base: string }) {
  const { actor, round, own, base } = p;
  return (
    <section class="callout" aria-labelledby="my-agency">
      <h2 id="my-agency">Your agency ({actor.organisationAcronym})</h2>
      <p class="form-actions">
        {p.submitted ? (
          <span>Your agency's comments are submitted.</span>
        ) : (
          <a class="button" href={`${base}/comments/new`}>
            Write a comment
          </a>
        )}
        {!p.submitted && canSubmitComments(actor, round, own) ? (
          <a class="button button-quiet" href={`${base}/submit`}>
            Submit our comments
          </a>
        ) : null}
        {canSetPosition(actor, round, own) ? (
          <a class="button button-quiet" href={`${base}/position`}>
            Set our position
          </a>
        ) : null}
        {canSetPosition(actor, round, own) ? (
          <a class="button button-quiet" href={`${base}/deferral`}>
            Ask for a two-week deferral
          </a>
        ) : null}
      </p>
    </section>
  );
}

/** The round page: its terms, the reader's agency's work, the consensus, positions and comments by section. */
export function RoundPage(p: {
  deps: Deps;
  actor: Person;
  product: ProductDetail;
  round: RoundDetail;
  notice?: string;
  sections: Array<{ anchor: string; label: string }>;
  /** Every comment and position row, read once for the consensus panel. */
  all: Comment[];
  positionRows: PositionRow[];
  /** The comments and positions the reader may see. */
  visible: Comment[];
  positions: Awaited<ReturnType<typeof visiblePositions>>;
  submitted: (orgId: number) => boolean;
  evidenceHref: (positionId: number) => string;
}) {
  const { actor, product, round, positions } = p;
  const ctx = { actor, product, round };
  const own = actor.organisationId;
  const base = roundPath(product.slug, round.number);
  return (
    <>
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href="/private/products">Products</a> › <a href={productPath(product.slug)}>{product.title}</a>
      </nav>
      <PageHeader eyebrow={`Review round ${round.number}`} title={product.title} />
      <Notice text={p.notice} />
      <dl class="details">
        <dt>Status</dt>
        <dd>
          {round.status === "open" ? (
            <Tag tone="accent">Open</Tag>
          ) : (
            <Tag>Closed and sealed {round.closedAt ? formatTimestamp(round.closedAt) : ""}</Tag>
          )}
        </dd>
        <dt>Version under review</dt>
        <dd>
          <a href={productPath(product.slug, `/versions/${round.versionNumber}`)}>
            Version {round.versionNumber}
          </a>
        </dd>
        <dt>Deadline</dt>
        <dd>{formatDeadline(round.deadline, round.timeZone)}</dd>
        <dt>Silence</dt>
        <dd>{silenceLabels[round.silenceMeans]}</dd>
        <dt>Positions</dt>
        <dd>
          {round.hidePositions
            ? "Hidden from other agencies until the round closes"
            : "Visible to all members"}
        </dd>
      </dl>
      {own !== null && canWriteComment(actor, round) ? (
        <OwnAgency actor={actor} round={round} own={own} submitted={p.submitted(own)} base={base} />
      ) : null}
      {round.status === "open" && canEditProduct(actor, product) ? (
        <p class="form-actions">
          <a href={`${base}/close`}>Close the round now</a>
          <a href={`${base}/deadline`}>Move the deadline</a>
          {hasRole(actor, "secretariat") ? (
            <a href={`${base}/positions/on-behalf`}>Record a position on an agency's behalf</a>
          ) : null}
        </p>
      ) : null}
      <ConsensusPanel
        deps={p.deps}
        actor={actor}
        product={product}
        round={round}
        loaded={{ rows: p.positionRows, comments: p.all }}
      />
      <MatrixLinks slug={product.slug} round={round.number} />
      <h2>Agencies and positions</h2>
      <AgencyTable
        ctx={ctx}
        current={positions.current}
        hidden={new Set(positions.hiddenAgencies.map((a) => a.id))}
      />
      <h2>Comments by section</h2>
      <CommentsBySection ctx={ctx} sections={p.sections} comments={p.visible} />
      <h2>Position history</h2>
      <PositionHistory rows={positions.rows} evidenceHref={p.evidenceHref} />
    </>
  );
}
