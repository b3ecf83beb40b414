import { EmptyState, PageHeader, TableScroll } from "../../../web/components.js";
import type { Group } from "../groups.queries.js";
import { GroupTags, groupPeriod, groupTitle } from "./group.js";

/** One kind of group as a table: each group with its period and how many agencies take part. */
function GroupTable({
  groups,
  counts,
  caption,
}: {
  groups: Group[];
  counts: Map<number, number>;
  caption: string;
}) {
  if (groups.length === 0) return null;
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Period</th>
            <th scope="col" class="num">
              Agencies
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr>
              <th scope="row">
                <a href={`/groups/${g.slug}`}>{groupTitle(g)}</a> <GroupTags g={g} />
              </th>
              <td>{groupPeriod(g) || "not recorded"}</td>
              <td class="num">{counts.get(g.id) ?? <span class="muted">not recorded</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The public list of working groups and teams: the active working groups, the teams, the former ones. */
export function PublicGroupList(p: { groups: Group[]; counts: Map<number, number>; forumAcronym: string }) {
  const { groups, counts } = p;
  const active = groups.filter((g) => !g.endedOn);
  return (
    <div class="wrap">
      <PageHeader
        eyebrow="Working groups"
        title="Working groups and teams"
        lead={`Most of ${p.forumAcronym}'s work happens in working groups and time-limited teams between meetings. Taking part is optional: each agency joins the groups it is interested in.`}
        actions={
          <p class="small">
            <a href="/meetings">Meetings and calendar</a>
          </p>
        }
      />
      {groups.length === 0 ? <EmptyState title="No groups yet" /> : null}
      <GroupTable
        groups={active.filter((g) => g.kind === "working_group")}
        counts={counts}
        caption="Working groups"
      />
      <GroupTable
        groups={active.filter((g) => g.kind !== "working_group")}
        counts={counts}
        caption="Tiger teams and assessment teams"
      />
      <GroupTable
        groups={groups.filter((g) => g.endedOn)}
        counts={counts}
        caption="Former groups and teams"
      />
    </div>
  );
}
