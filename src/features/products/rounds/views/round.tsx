import type { Actor } from "../../../../http/actor.js";
import { EmptyState, TableScroll, Tag } from "../../../../web/components.js";
import { formatTimestamp } from "../../../../web/format.js";
import { roundPath } from "../../load.pages.js";
import { canChangeComment, canDispositionComment } from "../../products.policy.js";
import type { ProductDetail } from "../../products.queries.js";
import { categoryLabels, dispositionLabels, positionLabels } from "../../products.schemas.js";
import type { Comment, PositionRow, RoundDetail } from "../rounds.queries.js";

type Ctx = { actor: Actor; product: ProductDetail; round: RoundDetail };
const submittedOf = (round: RoundDetail, orgId: number) =>
  round.agencies.some((a) => a.id === orgId && a.commentsSubmittedAt);

function CommentStatus({ c, submitted }: { c: Comment; submitted: boolean }) {
  if (c.withdrawn) return <Tag>Withdrawn</Tag>;
  if (c.disposition)
    return <Tag tone={c.disposition === "rejected" ? "warn" : "ok"}>{dispositionLabels[c.disposition]}</Tag>;
  return submitted ? (
    <Tag tone="accent">Submitted, awaiting disposition</Tag>
  ) : (
    <Tag>Draft (your agency only)</Tag>
  );
}

/** One comment as a review item: number, agency, category, text, proposed change, disposition. */
export function CommentItem({ ctx, c }: { ctx: Ctx; c: Comment }) {
  const submitted = Boolean(submittedOf(ctx.round, c.organisationId));
  const base = roundPath(ctx.product.slug, ctx.round.number, `/comments/${c.number}`);
  return (
    <article
      class="card review-comment"
      id={`comment-${c.number}`}
      aria-labelledby={`comment-${c.number}-title`}
    >
      <h4 id={`comment-${c.number}-title`}>
        Comment {c.number} · {c.agencyAcronym} · {categoryLabels[c.category]}{" "}
        <CommentStatus c={c} submitted={submitted} />
      </h4>
      {c.orphaned ? (
        <p class="callout">
          Its section ({c.sectionLabel}) is no longer in version {c.versionNumber}: this comment is orphaned.
        </p>
      ) : null}
      <p class="comment-text">{c.text}</p>
      {c.proposedFrom || c.proposedTo ? (
        <dl class="details">
          <dt>Proposed change, from</dt>
          <dd>{c.proposedFrom ?? "—"}</dd>
          <dt>to</dt>
          <dd>{c.proposedTo ?? "—"}</dd>
        </dl>
      ) : null}
      {c.disposition ? <p>Rationale: {c.rationale ?? "—"}</p> : null}
      {c.response ? (
        <p>
          <Tag tone={c.response === "contested" ? "warn" : "ok"}>
            {c.response === "contested" ? "Contested by the agency" : "Accepted by the agency"}
          </Tag>
          {c.responseNote ? ` ${c.responseNote}` : ""}
        </p>
      ) : null}
      <p class="muted small">
        By {c.authorName ?? "a former member"}, {formatTimestamp(c.createdAt)}
        {c.updatedAt > c.createdAt ? `, changed ${formatTimestamp(c.updatedAt)}` : ""}
      </p>
      <p class="form-actions">
        {!c.withdrawn && canChangeComment(ctx.actor, ctx.round, c, submitted) ? (
          <>
            <a href={`${base}/edit`}>Edit comment {c.number}</a>
            <a href={`${base}/withdraw`}>Withdraw comment {c.number}</a>
          </>
        ) : null}
        {c.disposition &&
        ctx.product.status === "drafting" &&
        ctx.actor.kind === "person" &&
        ctx.actor.organisationId === c.organisationId &&
        ctx.actor.roles.includes("focal_point") ? (
          <a href={`${base}/response`}>Accept or contest the disposition of comment {c.number}</a>
        ) : null}
        {submitted && !c.withdrawn && canDispositionComment(ctx.actor, ctx.product) ? (
          <a href={`${base}/disposition`}>
            {c.disposition ? "Change the disposition" : "Give a disposition"} of comment {c.number}
          </a>
        ) : null}
      </p>
    </article>
  );
}

/** The round's agencies: comments submitted or not, and the position each may be seen to hold. */
export function AgencyTable({
  ctx,
  current,
  hidden,
}: {
  ctx: Ctx;
  current: Map<number, PositionRow>;
  hidden: Set<number>;
}) {
  const { round } = ctx;
  return (
    <TableScroll label="Participating agencies">
      <table class="data-table">
        <caption>Participating agencies</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Comments</th>
            <th scope="col">Position</th>
          </tr>
        </thead>
        <tbody>
          {round.agencies.map((a) => {
            const p = current.get(a.id);
            return (
              <tr>
                <th scope="row">
                  <abbr title={a.name}>{a.acronym}</abbr>
                </th>
                <td>
                  {a.commentsSubmittedAt
                    ? `Submitted ${formatTimestamp(a.commentsSubmittedAt)}${a.submittedByName ? ` by ${a.submittedByName}` : ""}`
                    : "Not submitted"}
                </td>
                <td>
                  {hidden.has(a.id)
                    ? "Hidden until the round closes"
                    : p
                      ? `${positionLabels[p.position]}${p.rationale ? `: ${p.rationale}` : ""}${p.dependsOn.length ? ` (until ${p.dependsOn.length === 1 ? "comment" : "comments"} ${p.dependsOn.join(", ")} ${p.dependsOn.length === 1 ? "is" : "are"} resolved)` : ""}${p.onBehalf ? ` (${onBehalfLabel})` : ""}${p.carriedFromRound ? ` (${keptLabel(p.carriedFromRound)})` : ""}`
                      : round.status === "closed"
                        ? `None given (silence counts as ${positionLabels[round.silenceMeans].toLowerCase()})`
                        : "Not given yet"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** How a position the secretariat recorded for an agency is labelled wherever it shows. */
export const onBehalfLabel = "recorded by the secretariat on the agency's behalf";

/** How a position kept from an earlier round is labelled: the agency's commented sections did not change. */
export const keptLabel = (round: number) =>
  `kept from round ${round}: the sections the agency commented on did not change`;

/** Every visible position change, oldest first: nothing is overwritten. */
export function PositionHistory({
  rows,
  evidenceHref,
}: {
  rows: PositionRow[];
  /** The download address of a position's evidence file. */
  evidenceHref: (positionId: number) => string;
}) {
  if (rows.length === 0) return <EmptyState title="No position visible to you yet." />;
  return (
    <TableScroll label="Position history">
      <table class="data-table">
        <caption>Position history, oldest first (the newest per agency counts)</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Agency</th>
            <th scope="col">Position</th>
            <th scope="col">Rationale</th>
            <th scope="col">Set by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td class="nowrap">{formatTimestamp(r.createdAt)}</td>
              <td>{r.agencyAcronym}</td>
              <td>{positionLabels[r.position]}</td>
              <td>{r.rationale ?? "—"}</td>
              <td>
                {r.personName ?? "—"}
                {r.carriedFromRound ? (
                  <>
                    {" "}
                    <Tag tone="muted">{keptLabel(r.carriedFromRound)}</Tag>
                  </>
                ) : null}
                {r.onBehalf ? (
                  <>
                    {" "}
                    <Tag tone="muted">{onBehalfLabel}</Tag>
                    <br />
                    <span class="small">
                      Evidence: {r.evidence ?? ""}
                      {r.evidenceFileName ? (
                        <>
                          {" "}
                          (file: <a href={evidenceHref(r.id)}>{r.evidenceFileName}</a>)
                        </>
                      ) : null}
                    </span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Comments grouped under the sections they point to, in the version's order; orphaned ones last. */
export function CommentsBySection({
  ctx,
  sections,
  comments,
}: {
  ctx: Ctx;
  sections: Array<{ anchor: string; label: string }>;
  comments: Comment[];
}) {
  if (comments.length === 0)
    return (
      <EmptyState title="No comments visible to you yet.">
        Agencies' comments show here once their focal point submits them.
      </EmptyState>
    );
  const known = new Set(sections.map((s) => s.anchor));
  const groups = [
    ...sections.map((s) => ({
      label: s.label,
      list: comments.filter((c) => !c.orphaned && c.sectionAnchor === s.anchor),
    })),
    {
      label: "Orphaned or on sections no longer in this version",
      list: comments.filter((c) => c.orphaned || !known.has(c.sectionAnchor)),
    },
  ].filter((g) => g.list.length > 0);
  return (
    <>
      {groups.map((g) => (
        <section class="comment-group">
          <h3>{g.label}</h3>
          {g.list.map((c) => (
            <CommentItem ctx={ctx} c={c} />
          ))}
        </section>
      ))}
    </>
  );
}
