import { raw } from "hono/html";
import { PageHeader } from "../../../web/components.js";
import { formatPartialDate } from "../../../web/format.js";
import { renderMarkdown } from "../../../web/markdown.js";
import { WorkplanSection } from "../../workplan/views/workplan.js";
import type { Deliverable } from "../../workplan/workplan.queries.js";
import type { GroupDetail } from "../groups.queries.js";
import { chairText, GroupTags, groupPeriod, groupTitle } from "./group.js";

/** A group's public page: its charter, chairs, member agencies (current and former) and work plan. */
export function PublicGroup(p: {
  g: GroupDetail;
  deliverables: Deliverable[];
  outlook: { year: number; body: string } | undefined;
  canManage: boolean;
}) {
  const { g, deliverables, outlook } = p;
  const current = g.memberships.filter((m) => !m.leftOn);
  const former = g.memberships.filter((m) => m.leftOn);
  const period = groupPeriod(g);
  return (
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
      {p.canManage ? (
        <p>
          <a href={`/private/groups/${g.slug}`}>Manage this group</a>
        </p>
      ) : null}
    </div>
  );
}
