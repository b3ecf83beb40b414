import { Hono } from "hono";
import { raw } from "hono/html";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/page.js";
import { EmptyState, PageHeader, TableScroll } from "../../web/components.js";
import { formatPartialDate } from "../../web/format.js";
import { renderMarkdown } from "../../web/markdown.js";
import { WorkplanSection } from "../workplan/views/workplan.js";
import { currentOutlook, listDeliverables, listOutlooks } from "../workplan/workplan.queries.js";
import { canManageGroup } from "./groups.policy.js";
import { currentMemberCounts, findGroupBySlug, type Group, listGroups } from "./groups.queries.js";
import { chairText, GroupTags, groupPeriod, groupTitle } from "./views/group.js";

function GroupList({
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

/** The public list of working groups and teams, and one page per group. */
export function groupPages() {
  const app = new Hono<AppEnv>();

  app.get("/groups", async (c) => {
    const db = c.var.deps.db;
    const [groups, counts] = await Promise.all([listGroups(db), currentMemberCounts(db)]);
    const active = groups.filter((g) => !g.endedOn);
    return renderPage(c, {
      title: "Working groups",
      description: "The forum's working groups and time-limited teams: charters, chairs and member agencies.",
      body: (ctx) => (
        <div class="wrap">
          <PageHeader
            eyebrow="Working groups"
            title="Working groups and teams"
            lead={`Most of ${ctx.forum.acronym}'s work happens in working groups and time-limited teams between meetings. Taking part is optional: each agency joins the groups it is interested in.`}
            actions={
              <p class="small">
                <a href="/meetings">Meetings and calendar</a>
              </p>
            }
          />
          {groups.length === 0 ? <EmptyState title="No groups yet" /> : null}
          <GroupList
            groups={active.filter((g) => g.kind === "working_group")}
            counts={counts}
            caption="Working groups"
          />
          <GroupList
            groups={active.filter((g) => g.kind !== "working_group")}
            counts={counts}
            caption="Tiger teams and assessment teams"
          />
          <GroupList
            groups={groups.filter((g) => g.endedOn)}
            counts={counts}
            caption="Former groups and teams"
          />
        </div>
      ),
    });
  });

  app.get("/groups/:slug", async (c) => {
    const g = await findGroupBySlug(c.var.deps.db, c.req.param("slug"));
    if (!g) throw notFound("This group");
    const [deliverables, outlooks] = await Promise.all([
      listDeliverables(c.var.deps.db, g.id),
      listOutlooks(c.var.deps.db, g.id),
    ]);
    const outlook = currentOutlook(outlooks, c.var.deps.now().getUTCFullYear());
    const current = g.memberships.filter((m) => !m.leftOn);
    const former = g.memberships.filter((m) => m.leftOn);
    const period = groupPeriod(g);
    return renderPage(c, {
      title: groupTitle(g),
      description: `${groupTitle(g)}: charter, chairs and member agencies.`,
      body: () => (
        <div class="wrap">
          <p class="breadcrumb">
            <a href="/groups">← All working groups</a>
          </p>
          <PageHeader
            eyebrow="Working group"
            title={groupTitle(g)}
            lead={period ? `Active ${period}` : undefined}
          />
          <p class="tags">
            <GroupTags g={g} />
          </p>
          <section class="section" aria-labelledby="charter">
            <h2 id="charter">Charter</h2>
            {g.charter ? (
              <div class="prose">{raw(renderMarkdown(g.charter))}</div>
            ) : (
              <p class="muted">No charter recorded.</p>
            )}
          </section>
          <section class="section" aria-labelledby="chairs">
            <h2 id="chairs">Chairs</h2>
            {g.chairs.length ? (
              <ul class="plain">
                {g.chairs.map((ch) => (
                  <li>{chairText(ch)}</li>
                ))}
              </ul>
            ) : (
              <p class="muted">No chair recorded.</p>
            )}
          </section>
          <section class="section" aria-labelledby="members">
            <h2 id="members">Member agencies</h2>
            {current.length ? (
              <ul class="plain">
                {current.map((m) => (
                  <li>
                    <a href={`/members/${m.slug}`}>{m.acronym}</a> · {m.name}{" "}
                    <span class="muted">
                      {/* Unconfirmed memberships come from sources that give a year at best. */}
                      since {m.uncertain ? m.joinedOn.slice(0, 4) : formatPartialDate(m.joinedOn, "day")}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">No participating agencies are recorded.</p>
            )}
            {former.length ? (
              <>
                <h3>Former member agencies</h3>
                <ul class="plain">
                  {former.map((m) => (
                    <li>
                      <a href={`/members/${m.slug}`}>{m.acronym}</a>{" "}
                      <span class="muted">
                        {formatPartialDate(m.joinedOn, "day")} – {formatPartialDate(m.leftOn!, "day")}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <WorkplanSection rows={deliverables} outlook={outlook} />
          {canManageGroup(c.var.actor, g) ? (
            <p>
              <a href={`/private/groups/${g.slug}`}>Manage this group</a>
            </p>
          ) : null}
        </div>
      ),
    });
  });

  return app;
}
