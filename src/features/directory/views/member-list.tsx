import type { GrowthYear } from "../../../domain/membership-growth.js";
import { MembershipChart, MembershipTable } from "../../../web/charts/membership-chart.js";
import { PageHeader, TableScroll, Tag } from "../../../web/components.js";
import type { Forum } from "../../../web/forum.js";
import type { Organisation } from "../directory.queries.js";

/** The public member directory: how membership grew, then the current and former members. */
export function MemberList({
  current,
  former,
  years,
  forum,
}: {
  current: Organisation[];
  former: Organisation[];
  years: GrowthYear[];
  forum: Forum;
}) {
  return (
    <div class="wrap">
      <PageHeader
        eyebrow="Members"
        title="Member organisations"
        lead={`${current.length} space agencies and government organisations take part in ${forum.acronym}. ${forum.about.membershipRule}`}
      />
      <section aria-labelledby="growth" class="section">
        <h2 id="growth">Membership over the years</h2>
        <figure class="chart-figure">
          <MembershipChart years={years} titleId="growth-chart-title" />
          <figcaption>Members at the end of each year.</figcaption>
        </figure>
        <details class="data-table">
          <summary>Show the figures as a table</summary>
          <MembershipTable years={years} />
        </details>
      </section>
      <section aria-labelledby="directory" class="section">
        <h2 id="directory">Directory</h2>
        <MemberTable orgs={current} caption="Current members, by acronym" />
        {former.length ? <MemberTable orgs={former} caption="Former members" /> : null}
      </section>
    </div>
  );
}

function MemberTable({ orgs, caption }: { orgs: Organisation[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table class="members-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Acronym</th>
            <th scope="col">Organisation</th>
            <th scope="col">Country</th>
            <th scope="col">Joined</th>
          </tr>
        </thead>
        <tbody>
          {orgs.map((o) => (
            <tr>
              <th scope="row">
                <a href={`/members/${o.slug}`}>{o.acronym}</a>
              </th>
              <td>
                {o.name}
                {o.founding ? (
                  <>
                    {" "}
                    <Tag tone="ok">founding</Tag>
                  </>
                ) : null}
              </td>
              <td>{o.country}</td>
              <td class="num">{o.joinedOn.slice(0, 4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
