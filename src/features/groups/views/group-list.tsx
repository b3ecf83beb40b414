import type { Person } from "../../../http/actor.js";
import { Notice, PageHeader } from "../../../web/components.js";
import { DataTable } from "../../../web/table.js";
import { canManageGroup } from "../groups.policy.js";
import type { GroupDetail } from "../groups.queries.js";
import { chairText, groupPeriod, groupTitle } from "./group.js";

/** The groups and teams with their chairs and period, and a link to manage those the person may. */
export function GroupList(p: {
  groups: GroupDetail[];
  actor: Person;
  canCreate: boolean;
  notice: string | undefined;
}) {
  return (
    <>
      <PageHeader
        title="Working groups"
        lead="Groups and teams, their chairs and participating agencies."
        actions={
          p.canCreate ? (
            <a class="button" href="/private/groups/new">
              New group
            </a>
          ) : null
        }
      />
      <Notice text={p.notice} />
      <DataTable
        label="Working groups"
        rows={p.groups}
        columns={[
          { heading: "Group", cell: (g) => <a href={`/groups/${g.slug}`}>{groupTitle(g)}</a> },
          { heading: "Chairs", cell: (g) => g.chairs.map(chairText).join("; ") || "—" },
          { heading: "Period", cell: (g) => groupPeriod(g) || "—" },
          {
            heading: "Actions",
            headingHidden: true,
            class: "actions",
            cell: (g) =>
              canManageGroup(p.actor, g) ? (
                <a href={`/private/groups/${g.slug}`}>
                  Manage<span class="visually-hidden"> {g.name}</span>
                </a>
              ) : null,
          },
        ]}
      />
    </>
  );
}
