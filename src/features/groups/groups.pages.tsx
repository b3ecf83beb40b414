import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { currentOutlook, listDeliverables, listOutlooks } from "../workplan/workplan.queries.js";
import { canManageGroup } from "./groups.policy.js";
import { currentMemberCounts, findGroupBySlug, listGroups } from "./groups.queries.js";
import { groupTitle } from "./views/group.js";
import { PublicGroup } from "./views/public-group.js";
import { PublicGroupList } from "./views/public-groups.js";

async function groupList(c: AppContext) {
  const db = c.var.deps.db;
  const [groups, counts] = await Promise.all([listGroups(db), currentMemberCounts(db)]);
  return renderPage(c, {
    title: "Working groups",
    description: "The forum's working groups and time-limited teams: charters, chairs and member agencies.",
    body: (ctx) => <PublicGroupList groups={groups} counts={counts} forumAcronym={ctx.forum.acronym} />,
  });
}

async function groupPage(c: AppContext) {
  const g = await findGroupBySlug(c.var.deps.db, c.req.param("slug") ?? "");
  if (!g) throw notFound("This group");
  const [deliverables, outlooks] = await Promise.all([
    listDeliverables(c.var.deps.db, g.id),
    listOutlooks(c.var.deps.db, g.id),
  ]);
  const outlook = currentOutlook(outlooks, c.var.deps.now().getUTCFullYear());
  return renderPage(c, {
    title: groupTitle(g),
    description: `${groupTitle(g)}: charter, chairs and member agencies.`,
    body: () => (
      <PublicGroup
        g={g}
        deliverables={deliverables}
        outlook={outlook}
        canManage={canManageGroup(c.var.actor, g)}
      />
    ),
  });
}

/** The public list of working groups and teams, and one page per group. */
export const groupPages = pageGroup([
  ["GET", "/groups", groupList],
  ["GET", "/groups/:slug", groupPage],
]);
