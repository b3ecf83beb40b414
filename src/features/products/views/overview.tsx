import type { Deps } from "../../../deps.js";
import { EmptyState, TableScroll, Tag } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { productPath, roundPath } from "../load.pages.js";
import { listVersions, type ProductDetail, type Version } from "../products.queries.js";
import { formatDeadline } from "../rounds/deadline.presenter.js";
import { listRounds } from "../rounds/rounds.queries.js";

const stageLabels = { drafting: "Drafting", endorsed: "Endorsed", published: "Published" } as const;

/** A GET form choosing two versions to compare. */
export function CompareForm(p: { slug: string; versions: number[]; from?: number; to?: number }) {
  if (p.versions.length < 2) return null;
  const [newest, previous] = p.versions;
  const select = (name: string, label: string, chosen: number) => (
    <label>
      {label}
      <select name={name}>
        {p.versions.map((n) => (
          <option value={String(n)} selected={n === chosen}>
            Version {n}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      method="get"
      action={productPath(p.slug, "/diff")}
      class="filters"
      aria-label="Compare two versions"
    >
      {select("from", "From", p.from ?? previous!)}
      {select("to", "To", p.to ?? newest!)}
      <button type="submit" class="button button-quiet">
        Compare
      </button>
    </form>
  );
}

function VersionTable({ slug, versions }: { slug: string; versions: Version[] }) {
  if (versions.length === 0)
    return <EmptyState title="No version yet.">The editors add the first text.</EmptyState>;
  return (
    <TableScroll label="Versions">
      <table class="data-table">
        <caption>Versions, the newest first (a version never changes)</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Added</th>
            <th scope="col">What changed</th>
            <th scope="col">Compare</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr>
              <td>
                <a href={productPath(slug, `/versions/${v.number}`)}>Version {v.number}</a>
              </td>
              <td class="nowrap">{formatTimestamp(v.createdAt)}</td>
              <td>{v.note || "—"}</td>
              <td>
                {v.number > 1 ? (
                  <a href={productPath(slug, `/diff?from=${v.number - 1}&to=${v.number}`)}>
                    Changes from version {v.number - 1}
                  </a>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The product's facts, versions and review rounds. */
export async function ProductOverview({
  deps,
  product,
}: {
  deps: Pick<Deps, "db" | "now">;
  product: ProductDetail;
}) {
  const [versions, rounds] = await Promise.all([
    listVersions(deps.db, product.id),
    listRounds(deps.db, product.id),
  ]);
  return (
    <>
      <dl class="details">
        <dt>Stage</dt>
        <dd>{stageLabels[product.status]}</dd>
        <dt>Lead working group</dt>
        <dd>
          {product.leadGroup ? (
            <a href={`/groups/${product.leadGroup.slug}`}>{product.leadGroup.name}</a>
          ) : (
            "—"
          )}
        </dd>
        <dt>Participating agencies</dt>
        <dd>{product.agencies.map((a) => a.acronym).join(", ") || "—"}</dd>
      </dl>
      <h2>Versions</h2>
      <CompareForm slug={product.slug} versions={versions.map((v) => v.number)} />
      <VersionTable slug={product.slug} versions={versions} />
      <h2>Review rounds</h2>
      {rounds.length === 0 ? (
        <EmptyState title="No review round yet." />
      ) : (
        <TableScroll label="Review rounds">
          <table class="data-table">
            <caption>Review rounds, the newest first</caption>
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Version</th>
                <th scope="col">Deadline</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => {
                const open = r.status === "open" && r.deadline > deps.now();
                return (
                  <tr>
                    <td>
                      <a href={roundPath(product.slug, r.number)}>Round {r.number}</a>
                    </td>
                    <td>Version {r.versionNumber}</td>
                    <td>{formatDeadline(r.deadline, r.timeZone)}</td>
                    <td>{open ? <Tag tone="accent">Open</Tag> : <Tag>Closed</Tag>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
