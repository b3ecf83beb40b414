import { describeAtPrecision } from "../../../domain/mission-dates.js";
import { Tag } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { listMissionRevisions, Mission } from "../roadmap.queries.js";
import { destinationLabels, statusLabels } from "../roadmap.schemas.js";
import { launchText, leadText } from "./mission-table.js";

/** A mission's public page: status, agencies, dates, objectives and its recent changes. */
export function MissionDetails({
  m,
  revisions,
}: {
  m: Mission;
  revisions: Awaited<ReturnType<typeof listMissionRevisions>>;
}) {
  return (
    <div class="wrap member-page">
      <p class="breadcrumb">
        <a href="/roadmap">Roadmap</a> › {m.name}
      </p>
      <h1>{m.name}</h1>
      <p class="tags">
        <Tag tone="accent">{statusLabels[m.status]}</Tag>
        <Tag>{m.crewed ? "Crewed" : "Robotic"}</Tag>
        <Tag>{destinationLabels[m.destination]}</Tag>
        {m.studiesPolarVolatiles ? <Tag tone="ok">Studies lunar polar volatiles</Tag> : null}
      </p>
      {m.description ? <p class="lead">{m.description}</p> : null}
      <dl class="details">
        <dt>Lead agency</dt>
        <dd>
          {m.leadSlug ? (
            <a href={`/members/${m.leadSlug}`}>{m.leadAcronym}</a>
          ) : (
            `${leadText(m)} (not a member)`
          )}
        </dd>
        <dt>Partner agencies</dt>
        <dd>
          {m.partners.length
            ? m.partners.map((p, k) => (
                <>
                  {k ? ", " : ""}
                  <a href={`/members/${p.slug}`}>{p.acronym}</a>
                </>
              ))
            : "None listed"}
        </dd>
        {m.otherPartners.length ? (
          <>
            <dt>Other partners</dt>
            <dd>{m.otherPartners.join("; ")}</dd>
          </>
        ) : null}
        <dt>Launch</dt>
        <dd>{launchText(m)}</dd>
        <dt>End</dt>
        <dd>{m.endsOn && m.endPrecision ? describeAtPrecision(m.endsOn, m.endPrecision) : "Not set"}</dd>
        <dt>Instruments</dt>
        <dd>{m.instruments.length ? m.instruments.join("; ") : "None listed"}</dd>
        <dt>Objectives served</dt>
        <dd>
          {m.objectives.length ? <a href="/roadmap/framework">{m.objectives.join(", ")}</a> : "None recorded"}
        </dd>
      </dl>
      <section class="section" aria-labelledby="history-heading">
        <h2 id="history-heading">History of changes</h2>
        {revisions.rows.length ? (
          <ul>
            {revisions.rows.map((r) => (
              <li>
                {/* A public page names the agency that made a change, never the person. */}
                {formatTimestamp(r.at)}: {r.summary} — {r.agencyAcronym ?? "the secretariat"}
              </li>
            ))}
          </ul>
        ) : (
          <p>No recorded changes.</p>
        )}
        {revisions.total > revisions.rows.length ? (
          <p class="muted">{revisions.total - revisions.rows.length} earlier changes not shown.</p>
        ) : null}
      </section>
    </div>
  );
}
