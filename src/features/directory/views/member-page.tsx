import type { Db } from "../../../db/client.js";
import { Tag } from "../../../web/components.js";
import { formatPartialDate } from "../../../web/format.js";
import { AgencyGroups } from "../../groups/views/agency-groups.js";
import type { listChairTerms, Organisation } from "../directory.queries.js";
import { kindLabels } from "../directory.schemas.js";

/** One member's public page: names, dates, website, the terms it chaired and its groups. */
export function MemberPage({
  org,
  chairs,
  db,
}: {
  org: Organisation;
  chairs: Awaited<ReturnType<typeof listChairTerms>>;
  db: Db;
}) {
  return (
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
      <AgencyGroups db={db} organisationId={org.id} />
    </div>
  );
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
