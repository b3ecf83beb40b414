import { raw } from "hono/html";
import type { Disposition } from "../../../../db/schema/index.js";
import { PageHeader, TableScroll, Tag } from "../../../../web/components.js";
import { formatTimestamp } from "../../../../web/format.js";
import { renderMarkdown } from "../../../../web/markdown.js";
import { plural } from "../../../../web/words.js";
import { productPath, roundPath } from "../../load.pages.js";
import { dispositionLabels, positionLabels, silenceLabels } from "../../products.schemas.js";
import type { ConsensusRecord } from "../consensus-record.service.js";

const dispositionWords = (k: string) =>
  k === "none" ? "No disposition" : dispositionLabels[k as Disposition];

function RecordView({ r }: { r: ConsensusRecord }) {
  return (
    <>
      <dl class="details">
        <dt>Text endorsed</dt>
        <dd>
          <a href={productPath(r.product.slug, `/versions/${r.version}`)}>Version {r.version}</a>, SHA-256{" "}
          <code class="hash">{r.sha256}</code>
        </dd>
        <dt>Consensus</dt>
        <dd>
          <a href={roundPath(r.product.slug, r.round.number)}>Review round {r.round.number}</a> on version{" "}
          {r.round.version}, closed {r.round.closedAt ? formatTimestamp(r.round.closedAt) : "—"} (
          {silenceLabels[r.round.silenceMeans].toLowerCase()})
        </dd>
        {r.editorialOnly ? (
          <>
            <dt>Later changes</dt>
            <dd>
              Versions {r.editorialOnly.from} to {r.editorialOnly.to} recorded as editorial only on{" "}
              {formatTimestamp(r.editorialOnly.at)}: {r.editorialOnly.reason}
            </dd>
          </>
        ) : null}
        <dt>Endorsed</dt>
        <dd>
          {formatTimestamp(r.endorsedAt)}
          {r.decision ? (
            <>
              {" "}
              by decision D{r.decision.number} of{" "}
              <a href={`/meetings/${r.decision.meetingSlug}`}>{r.decision.meeting}</a> (
              {formatTimestamp(r.decision.date).slice(0, 10)})
              <div class="prose">{raw(renderMarkdown(r.decision.text))}</div>
            </>
          ) : null}
        </dd>
        {r.publication ? (
          <>
            <dt>Publication</dt>
            <dd>
              <a href={`/publications/${r.publication.slug}`}>{r.publication.title}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Each agency's final position</h2>
      <TableScroll label="Final positions">
        <table class="data-table">
          <caption>Participating agencies in round {r.round.number}</caption>
          <thead>
            <tr>
              <th scope="col">Agency</th>
              <th scope="col">Position</th>
              <th scope="col">Given</th>
            </tr>
          </thead>
          <tbody>
            {r.agencies.map((a) => (
              <tr>
                <th scope="row">{a.agency}</th>
                <td>
                  {positionLabels[a.position]}
                  {a.rationale ? `: ${a.rationale}` : ""}{" "}
                  {a.onBehalf ? (
                    <Tag tone="muted">recorded by the secretariat on the agency's behalf</Tag>
                  ) : null}
                </td>
                <td>
                  {a.givenAt ? formatTimestamp(a.givenAt) : "None given: counted by the round's silence rule"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>Comments</h2>
      <p>{plural(r.comments.total, "comment")} submitted over all rounds, by disposition:</p>
      <ul>
        {Object.entries(r.comments.byDisposition).map(([k, n]) => (
          <li>
            {dispositionWords(k)}: {n}
          </li>
        ))}
      </ul>
      <p>
        <a href={productPath(r.product.slug, "/history")}>Full history</a> ·{" "}
        <a href={`/api/v1/products/${r.product.slug}/consensus-record`}>As JSON</a>
      </p>
    </>
  );
}

/** How the published text was agreed, under the product's title. */
export function ConsensusRecordPage({ r }: { r: ConsensusRecord }) {
  return (
    <>
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href="/private/products">Products</a> › <a href={productPath(r.product.slug)}>{r.product.title}</a>
      </nav>
      <PageHeader
        eyebrow="Consensus record"
        title={r.product.title}
        lead="How the published text was agreed: the version and its hash, each agency's final position, the comments and the endorsing decision."
      />
      <RecordView r={r} />
    </>
  );
}
