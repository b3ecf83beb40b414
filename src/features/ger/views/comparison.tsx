import { compareSides, type Side } from "../editions.service.js";
import { DiffView } from "./edition-views.js";

/** The result of a comparison, or why it cannot be made. */
export function Comparison({ from, to }: { from: Side; to: Side }) {
  const { diff, missing } = compareSides(from, to);
  return (
    <section class="section" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">
        {from.label} → {to.label}
      </h2>
      {diff ? (
        <DiffView diff={diff} fromLabel={from.label} toLabel={to.label} />
      ) : (
        <div class="callout">
          <p>
            No mission snapshot recorded for {missing.map((s) => s.label).join(" or ")}, so there is nothing
            to compare. Only editions frozen in this platform have their missions recorded.
          </p>
        </div>
      )}
    </section>
  );
}
