import type { Carried } from "../../../../domain/carried-comments.js";
import { CsrfField, EmptyState, PageHeader, Tag } from "../../../../web/components.js";
import { formatTimestamp } from "../../../../web/format.js";
import { plural } from "../../../../web/words.js";
import { productPath, roundPath } from "../../load.pages.js";
import type { ProductDetail } from "../../products.queries.js";
import { dispositionLabels } from "../../products.schemas.js";
import type { CarriedItem } from "../carried.queries.js";
import { needsConfirmation } from "../carried.queries.js";
import { carriedStatusLabels } from "../carried.service.js";

const Side = ({ label, s }: { label: string; s: Carried["before"] }) => (
  <div>
    <h4>{label}</h4>
    {s ? (
      <>
        <p class="small muted">
          {s.number} {s.title}
        </p>
        <pre class="diff-text">{s.text || "(no text)"}</pre>
      </>
    ) : (
      <p class="muted">Not in this version.</p>
    )}
  </div>
);

const tone = (s: Carried["status"]) => (s === "unchanged" ? "muted" : s === "orphaned" ? "warn" : "accent");

/** The editors' confirmation of one carried comment: a button until confirmed, then who and when. */
function Confirmation(p: { item: CarriedItem; action: string; csrf: string | null }) {
  const { item } = p;
  if (!needsConfirmation(item.carried.status)) return null;
  if (item.confirmed)
    return (
      <p class="small">
        Confirmed by the editors{item.confirmed.by ? ` (${item.confirmed.by})` : ""},{" "}
        {formatTimestamp(item.confirmed.at)}.
      </p>
    );
  if (!p.csrf) return <p class="small muted">Not yet confirmed by the editors.</p>;
  return (
    <form method="post" action={p.action} class="inline-form">
      <CsrfField token={p.csrf} />
      <button class="button" type="submit">
        Confirm: {carriedStatusLabels[item.carried.status].toLowerCase()}
      </button>
    </form>
  );
}

/** Comments that travel across versions, never silently: status, old and new text, confirmation. */
export function CarriedView(p: {
  product: ProductDetail;
  version: number;
  items: CarriedItem[];
  reconfirm: string[];
  /** The CSRF token when the reader may confirm (an editor); null otherwise. */
  csrf: string | null;
}) {
  const base = productPath(p.product.slug, `/versions/${p.version}/carried`);
  return (
    <>
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href="/private/products">Products</a> › <a href={productPath(p.product.slug)}>{p.product.title}</a>
      </nav>
      <PageHeader
        eyebrow={`Version ${p.version}`}
        title="Comments carried from earlier versions"
        lead={`${plural(p.items.length, "comment")}: each with its section as it was written on and as it is now.`}
      />
      <section aria-labelledby="reconfirm">
        <h2 id="reconfirm">Who is asked to re-confirm</h2>
        <p>
          {p.reconfirm.length === 0
            ? "No agency: no commented section changed. Agencies keep their positions in the next round."
            : `${p.reconfirm.join(", ")}: the sections ${p.reconfirm.length === 1 ? "it" : "they"} commented on changed, so the next round asks ${p.reconfirm.length === 1 ? "it" : "them"} again. Every other agency keeps its position.`}
        </p>
      </section>
      {p.items.length === 0 ? (
        <EmptyState title="No comment was carried to this version." />
      ) : (
        p.items.map((i) => (
          <article class="comment" id={`carried-${i.round}-${i.number}`}>
            <h3>
              <a href={roundPath(p.product.slug, i.round, `#comment-${i.number}`)}>
                Comment {i.number} of round {i.round}
              </a>{" "}
              ({i.agency}) <Tag tone={tone(i.carried.status)}>{carriedStatusLabels[i.carried.status]}</Tag>{" "}
              {i.disposition ? <Tag tone="muted">{dispositionLabels[i.disposition]}</Tag> : <Tag>Open</Tag>}
            </h3>
            <p class="comment-text">{i.text}</p>
            <div class="cards">
              <Side label={`Version ${i.writtenOnNumber} (commented)`} s={i.carried.before} />
              <Side label={`Version ${p.version}`} s={i.carried.after} />
            </div>
            <Confirmation
              item={i}
              action={`${base}/rounds/${i.round}/comments/${i.number}/confirm`}
              csrf={p.csrf}
            />
          </article>
        ))
      )}
    </>
  );
}
