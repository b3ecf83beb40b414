import { Hono } from "hono";
import { membershipGrowth } from "../../domain/membership-growth.js";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/page.js";
import { MembershipChart, MembershipTable } from "../../web/charts/membership-chart.js";
import { PageHeader, TableScroll, Tag } from "../../web/components.js";
import { formatPartialDate } from "../../web/format.js";
import { AgencyGroups } from "../groups/views/agency-groups.js";
import {
  findOrganisationByAlias,
  findOrganisationBySlug,
  listChairTerms,
  listOrganisations,
  type Organisation,
} from "./directory.queries.js";
import { kindLabels } from "./directory.schemas.js";

/** The public member directory and one page per member. */
export function memberPages() {
  const app = new Hono<AppEnv>();

  app.get("/members", async (c) => {
    const deps = c.var.deps;
    const orgs = await listOrganisations(deps.db);
    const current = orgs.filter((o) => !o.leftOn);
    const former = orgs.filter((o) => o.leftOn);
    const years = membershipGrowth(orgs, deps.now().getUTCFullYear());
    return renderPage(c, {
      title: "Members",
      description: "The space agencies and government organisations that are members of the forum.",
      body: (ctx) => (
        <div class="wrap">
          <PageHeader
            eyebrow="Members"
            title="Member organisations"
            lead={`${current.length} space agencies and government organisations take part in ${ctx.forum.acronym}. ${ctx.forum.about.membershipRule}`}
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
      ),
    });
  });

  app.get("/members/:slug", async (c) => {
    const deps = c.var.deps;
    const org = await findOrganisationBySlug(deps.db, c.req.param("slug"));
    if (!org) {
      const known = await findOrganisationByAlias(deps.db, c.req.param("slug"));
      if (known) return c.redirect(`/members/${known.slug}`, 301);
      throw notFound("This member");
    }
    const chairs = await listChairTerms(deps.db, org.id);
    return renderPage(c, {
      title: `${org.acronym} · ${org.name}`,
      description: org.description ?? `${org.name}, member of the forum.`,
      body: () => (
        <div class="wrap member-page">
          <p class="breadcrumb">
            <a href="/members">Members</a> › {org.acronym}
          </p>
          <div class="member-head">
            <Monogram org={org} />
            <div>
              <h1>
                {org.name} <span class="muted">({org.acronym})</span>
              </h1>
              {org.nativeName ? (
                <p class="native-name" lang="">
                  {org.nativeName}
                </p>
              ) : null}
              <p class="tags">
                <Tag tone="accent">{kindLabels[org.kind]}</Tag>
                {org.founding ? <Tag tone="ok">Founding member</Tag> : null}
                {org.intergovernmental ? <Tag>Intergovernmental</Tag> : null}
                {org.leftOn ? <Tag tone="warn">Former member</Tag> : null}
              </p>
            </div>
          </div>
          {org.description ? <p class="lead">{org.description}</p> : null}
          <dl class="details">
            <dt>Country</dt>
            <dd>{org.country}</dd>
            <dt>Member since</dt>
            <dd>{formatPartialDate(org.joinedOn, org.joinedPrecision)}</dd>
            {org.leftOn ? (
              <>
                <dt>Left</dt>
                <dd>{formatPartialDate(org.leftOn, "day")}</dd>
              </>
            ) : null}
            {org.aliases.length ? (
              <>
                <dt>Also written</dt>
                <dd>{org.aliases.join("; ")}</dd>
              </>
            ) : null}
            {org.formerNames.length ? (
              <>
                <dt>Former names</dt>
                <dd>{org.formerNames.join("; ")}</dd>
              </>
            ) : null}
            {org.website ? (
              <>
                <dt>Website</dt>
                <dd>
                  <a href={org.website} rel="external noopener">
                    {org.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </>
            ) : null}
            {chairs.length ? (
              <>
                <dt>Chaired the forum</dt>
                <dd>
                  <ul class="plain">
                    {chairs.map(({ term }) => (
                      <li>
                        {formatPartialDate(term.startsOn, term.startPrecision)} –{" "}
                        {term.endsOn && term.endPrecision
                          ? formatPartialDate(term.endsOn, term.endPrecision)
                          : "present"}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
          <AgencyGroups db={deps.db} organisationId={org.id} />
        </div>
      ),
    });
  });

  return app;
}

/** A lettered badge standing in for the logo (we do not ship agencies' logos). */
function Monogram({ org }: { org: Organisation }) {
  if (org.logoUrl)
    return <img class="monogram" src={org.logoUrl} alt={`${org.acronym} logo`} width="72" height="72" />;
  // The whole acronym, smaller as it grows, never cut ("UAE SA", "Roscosmos").
  const longest = Math.max(...org.acronym.split(" ").map((w) => w.length));
  const size =
    longest <= 4
      ? ""
      : longest <= 6
        ? " monogram-long"
        : longest <= 7
          ? " monogram-longer"
          : " monogram-longest";
  return (
    <span class={`monogram${size}`} aria-hidden="true">
      {org.acronym}
    </span>
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
