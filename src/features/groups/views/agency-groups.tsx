import type { Db } from "../../../db/client.js";
import { listCurrentGroupsOfAgency } from "../groups.queries.js";
import { groupKindLabels } from "../groups.schemas.js";

/** The "Working groups" section of a member page: the groups the agency currently takes part in. */
export async function AgencyGroups({ db, organisationId }: { db: Db; organisationId: number }) {
  const groups = await listCurrentGroupsOfAgency(db, organisationId);
  return (
    <section class="section" aria-labelledby="agency-groups">
      <h2 id="agency-groups">Working groups</h2>
      {groups.length ? (
        <ul class="plain">
          {groups.map((g) => (
            <li>
              <a href={`/groups/${g.slug}`}>{g.acronym ? `${g.name} (${g.acronym})` : g.name}</a>
              {g.kind !== "working_group" ? <span class="muted"> · {groupKindLabels[g.kind]}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No participation in a working group is recorded.</p>
      )}
    </section>
  );
}
