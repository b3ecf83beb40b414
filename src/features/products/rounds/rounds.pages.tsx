import { Hono } from "hono";
import { hasRole } from "../../../http/actor.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { AppError, type FieldErrors } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import type { FormValues } from "../../../kit/forms.js";
import { Notice, PageHeader, Tag } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { listOrganisations } from "../../directory/directory.queries.js";
import { commentableSections } from "../comments/comments.service.js";
import { ConsensusPanel, MatrixLinks } from "../consensus/views/consensus-panel.js";
import { loadProduct, loadRound, productPath, roundPath } from "../load.pages.js";
import { evidencePath } from "../positions/evidence.pages.js";
import { visiblePositions } from "../positions/positions.service.js";
import {
  canEditProduct,
  canOpenRound,
  canSeeComment,
  canSetPosition,
  canSubmitComments,
  canWriteComment,
} from "../products.policy.js";
import { listVersions, type ProductDetail } from "../products.queries.js";
import { silenceLabels } from "../products.schemas.js";
import { RoundForm } from "../views/forms.js";
import { formatDeadline } from "./deadline.presenter.js";
import { listComments, listPositionRows } from "./rounds.queries.js";
import { openRound } from "./rounds.service.js";
import { AgencyTable, CommentsBySection, PositionHistory } from "./views/round.js";

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
      <>
        <PageHeader title="Open a review round" lead={product.title} />
        {versions.length ? (
          <RoundForm
            action={productPath(product.slug, "/rounds/new")}
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            versions={versions.map((v) => v.number)}
            agencies={orgs.filter((o) => !o.leftOn)}
            cancel={productPath(product.slug)}
          />
        ) : (
          <p>Add a version first: a round reviews one version.</p>
        )}
      </>
    ),
  });
}

function mayOpen(actor: Parameters<typeof canOpenRound>[0], product: ProductDetail) {
  authorize(canEditProduct(actor, product), "Only the secretariat and the lead group's chairs open rounds.");
  if (!canOpenRound(actor, product))
    throw new AppError("conflict", "The product is endorsed; no more rounds.");
}

/** Review rounds: open one, and the round page (comments by section, positions, my agency's work). */
export function roundPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/products/:slug/rounds/new", async (c) => {
    const { actor, product } = await loadProduct(c);
    mayOpen(actor, product);
    const [latest] = await listVersions(c.var.deps.db, product.id);
    return openRoundPage(c, product, {
      version: String(latest?.number ?? ""),
      agencies: product.agencies.map((a) => a.acronym),
      timeZone: "UTC",
    });
  });
  app.post("/private/products/:slug/rounds/new", async (c) => {
    const { actor, product } = await loadProduct(c);
    mayOpen(actor, product);
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
  });

  app.get("/private/products/:slug/rounds/:round", async (c) => {
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
    const ctx = { actor, product, round };
    const own = actor.organisationId;
    const base = roundPath(product.slug, round.number);
    return renderPrivate(c, {
      title: `Round ${round.number}: ${product.title}`,
      body: () => (
        <>
          <nav class="breadcrumb" aria-label="Breadcrumb">
            <a href="/private/products">Products</a> › <a href={productPath(product.slug)}>{product.title}</a>
          </nav>
          <PageHeader eyebrow={`Review round ${round.number}`} title={product.title} />
          <Notice text={notices[c.req.query("done") ?? ""]} />
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
            <section class="callout" aria-labelledby="my-agency">
              <h2 id="my-agency">Your agency ({actor.organisationAcronym})</h2>
              <p class="form-actions">
                {submitted(own) ? (
                  <span>Your agency's comments are submitted.</span>
                ) : (
                  <a class="button" href={`${base}/comments/new`}>
                    Write a comment
                  </a>
                )}
                {!submitted(own) && canSubmitComments(actor, round, own) ? (
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
            deps={deps}
            actor={actor}
            product={product}
            round={round}
            loaded={{ rows: positionRows, comments: all }}
          />
          <MatrixLinks slug={product.slug} round={round.number} />
          <h2>Agencies and positions</h2>
          <AgencyTable
            ctx={ctx}
            current={positions.current}
            hidden={new Set(positions.hiddenAgencies.map((a) => a.id))}
          />
          <h2>Comments by section</h2>
          <CommentsBySection ctx={ctx} sections={sections} comments={visible} />
          <h2>Position history</h2>
          <PositionHistory
            rows={positions.rows}
            evidenceHref={(id) => evidencePath(product.slug, round.number, id)}
          />
        </>
      ),
    });
  });

  return app;
}
