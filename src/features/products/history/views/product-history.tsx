import { EmptyState, PageHeader, Pagination, TableScroll } from "../../../../web/components.js";
import { formatTimestamp } from "../../../../web/format.js";
import { codeToWords } from "../../../../web/words.js";
import { productPath } from "../../load.pages.js";
import type { ProductDetail } from "../../products.queries.js";
import {
  categoryLabels,
  dispositionLabels,
  positionLabels,
  productKindLabels,
  silenceLabels,
} from "../../products.schemas.js";
import type { HistoryEntry } from "../history.queries.js";

/** The words for the coded values a history entry may hold (dispositions, positions, categories …). */
const wordsFor: Record<string, Record<string, string>> = {
  disposition: dispositionLabels,
  position: positionLabels,
  category: categoryLabels,
  silenceMeans: silenceLabels,
  kind: productKindLabels,
};

const show = (v: unknown, field = "") => {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return wordsFor[field]?.[v] ?? v;
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join(", ");
  return JSON.stringify(v);
};

/** A summary as words: codes left in older entries ("non_concur") read as words ("non concur"). */
const summaryWords = (summary: string) =>
  summary
    .replace(/\b(concur_with_comments|non_concur|accepted_with_changes)\b/g, codeToWords)
    .replace(/\b(\d+) comments\b/g, (all, n: string) => (n === "1" ? "1 comment" : all));

/** The fields an edit changed, with the value before and after: nothing is silently overwritten. */
function changedFields(
  details: Record<string, unknown> | null,
): Array<{ field: string; before: string; after: string }> {
  const before = details?.before;
  const after = details?.after;
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ field: k, before: show(b[k], k), after: show(a[k], k) }));
}

function Changes({ entry }: { entry: HistoryEntry }) {
  const changes = changedFields(entry.details);
  if (changes.length === 0) return null;
  return (
    <ul class="changes">
      {changes.map((c) => (
        <li>
          {c.field}: <del>{c.before}</del> → <ins>{c.after}</ins>
        </li>
      ))}
    </ul>
  );
}

function HistoryTable({ rows }: { rows: HistoryEntry[] }) {
  return (
    <TableScroll label="History">
      <table class="data-table">
        <caption>Every step, the newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr>
              <td class="nowrap">{formatTimestamp(e.at)}</td>
              <td>
                {e.actorName}
                {e.agencyAcronym ? ` (${e.agencyAcronym})` : ""}
              </td>
              <td>
                {summaryWords(e.summary)}
                <Changes entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A product's history, a page of it: who changed what and when. */
export function ProductHistory(p: {
  product: ProductDetail;
  rows: HistoryEntry[];
  page: number;
  pages: number;
}) {
  const { product } = p;
  return (
    <>
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href="/private/products">Products</a> › <a href={productPath(product.slug)}>{product.title}</a>
      </nav>
      <PageHeader
        eyebrow="History"
        title={product.title}
        lead="Who changed what and when. Entries are only ever added; an agency's unsubmitted drafts and hidden positions appear once others may see them."
      />
      {p.rows.length ? <HistoryTable rows={p.rows} /> : <EmptyState title="Nothing recorded yet." />}
      <Pagination
        page={p.page}
        pages={p.pages}
        href={(n) => productPath(product.slug, `/history?page=${n}`)}
      />
    </>
  );
}
