import { changedFields, numberFromFirst } from "../../../kit/revisions.js";
import { Notice, PageHeader, TableScroll } from "../../../web/components.js";
import { RevisionHistory } from "../../../web/revisions.js";
import { type MissionValues, missionValues } from "../roadmap.presenter.js";
import type { listMissionRevisions, Mission } from "../roadmap.queries.js";
import { destinationLabels, missionFieldLabel, statusLabels } from "../roadmap.schemas.js";

/** Where the confirmation for restoring one version of a mission lives. */
export const restoreHref = (slug: string, id: number) => `/private/missions/${slug}/revisions/${id}/restore`;

/** A mission's changes, newest first: who, from which agency, what; a restore link for its editors. */
export function MissionHistory(p: {
  m: Mission;
  history: Awaited<ReturnType<typeof listMissionRevisions>>;
  mayRestore: boolean;
  restored: boolean;
}) {
  const { m, history, mayRestore } = p;
  return (
    <>
      <PageHeader
        title="History of changes"
        lead={m.name}
        actions={<a href={`/roadmap/missions/${m.slug}`}>The mission's public page</a>}
      />
      <Notice text={p.restored ? "The version was restored as a new version." : undefined} />
      <RevisionHistory
        rows={history.rows.map((r, i) => ({
          number: numberFromFirst(history, i),
          at: r.at,
          by: r.agencyAcronym ? `${r.actorName} (${r.agencyAcronym})` : r.actorName,
          title: r.summary,
          restoreHref: mayRestore ? restoreHref(m.slug, r.id) : undefined,
        }))}
        titleHeading="What changed"
        page={history.page}
        pages={history.pages}
        href={(n) => `/private/missions/${m.slug}/history?page=${n}`}
        empty="No recorded changes."
      />
    </>
  );
}

/** A value as people read it: labels for stored codes, lists joined, "—" for nothing. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join("; ") : "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (field === "status") return statusLabels[value as keyof typeof statusLabels] ?? String(value);
  if (field === "destination")
    return destinationLabels[value as keyof typeof destinationLabels] ?? String(value);
  return String(value);
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What restoring the version changes: each differing field, now and after the restore. */
export function Differences({ m, values }: { m: Mission; values: MissionValues }) {
  const now = missionValues(m);
  const fields = changedFields(now, values);
  if (fields.length === 0) return <p class="muted">This version has the mission's current values.</p>;
  return (
    <TableScroll label="What the restore changes">
      <table>
        <caption>What the restore changes</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Now</th>
            <th scope="col">After restoring</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr>
              <th scope="row">{capitalised(missionFieldLabel(f))}</th>
              <td>{shown(f, now[f])}</td>
              <td>{shown(f, values[f])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
