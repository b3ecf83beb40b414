import type { Deps } from "../../../../deps.js";
import { describeReason } from "../../../../domain/consensus.js";
import type { Actor } from "../../../../http/actor.js";
import { TableScroll, Tag } from "../../../../web/components.js";
import { roundPath } from "../../load.pages.js";
import type { ProductDetail } from "../../products.queries.js";
import { positionLabels } from "../../products.schemas.js";
import type { RoundDetail } from "../../rounds/rounds.queries.js";
import { type RoundRecords, roundConsensus, visibleConsensus } from "../consensus.queries.js";

/** Links to the round's comment resolution matrix, as CSV and as a spreadsheet. */
export const MatrixLinks = ({ slug, round }: { slug: string; round: number }) => (
  <p class="form-actions">
    <a class="button button-quiet" href={roundPath(slug, round, "/matrix.xlsx")} download>
      Comment resolution matrix (.xlsx)
    </a>
    <a class="button button-quiet" href={roundPath(slug, round, "/matrix.csv")} download>
      Matrix as CSV
    </a>
  </p>
);

/** The round's consensus status with every reason it is not ready, as far as the actor may see it. */
export async function ConsensusPanel(p: {
  deps: Pick<Deps, "db">;
  actor: Actor;
  product: ProductDetail;
  round: RoundDetail;
  /** The round's positions and comments, when the page has read them already. */
  loaded?: RoundRecords;
}) {
  const status = visibleConsensus(
    await roundConsensus(p.deps.db, p.round, p.loaded),
    p.actor,
    p.product,
    p.round,
  );
  const hiding = status.hiddenAgencies.length > 0;
  return (
    <section aria-labelledby="consensus" class="consensus">
      <h2 id="consensus">Consensus</h2>
      {status.ready ? (
        <p>
          <Tag tone="ok">Ready</Tag> No participating agency objects: the draft can be endorsed.
        </p>
      ) : (
        <>
          <p>
            <Tag tone="warn">Not ready</Tag>{" "}
            {p.round.status === "open" ? "The round is still open." : "The draft cannot be endorsed yet."}
          </p>
          <ul class="reasons">
            {status.reasons
              .filter((r) => r.kind !== "round_open")
              .map((r) => (
                <li>{describeReason(r)}</li>
              ))}
          </ul>
        </>
      )}
      {hiding ? (
        <p class="muted">
          Positions of {status.hiddenAgencies.join(", ")} stay hidden until the round closes.
        </p>
      ) : null}
      {status.tally.length ? <TallyTable tally={status.tally} /> : null}
    </section>
  );
}

function TallyTable({ tally }: { tally: ReturnType<typeof visibleConsensus>["tally"] }) {
  return (
    <TableScroll label="How each agency counts">
      <table class="data-table">
        <caption>How each participating agency counts</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Counted as</th>
          </tr>
        </thead>
        <tbody>
          {tally.map((t) => (
            <tr>
              <td>{t.agency}</td>
              <td>
                {t.counted ? positionLabels[t.counted] : "No answer yet"}
                {t.bySilence ? " (no answer: the round's silence setting)" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
