import { destinations } from "../../../db/schema/index.js";
import { PageHeader, TableScroll, Tag } from "../../../web/components.js";
import { destinationLabels, statusLabels } from "../../roadmap/roadmap.schemas.js";
import type { Framework, Objective } from "../ger.queries.js";

/** The framework page: objectives no mission serves, coverage by destination, themes, then each goal. */
export function FrameworkPage({ f, roadmap }: { f: Framework; roadmap: string }) {
  const objectives = f.goals.flatMap((g) => g.objectives);
  const unserved = objectives.filter((o) => o.missions.length === 0);
  return (
    <div class="wrap">
      <p class="breadcrumb">
        <a href="/roadmap">Roadmap</a> › Framework
      </p>
      <PageHeader
        title="Goals and objectives"
        lead={`The common goals the agencies share in the ${roadmap}, the objectives under them, and which missions serve each.`}
      />
      <section class="section" aria-labelledby="unserved-heading">
        <h2 id="unserved-heading">Objectives no mission serves</h2>
        {unserved.length ? (
          <ul>
            {unserved.map((o) => (
              <li>
                <a href={`#objective-${anchor(o.code)}`}>
                  {o.code} {o.title}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>Every objective is served by at least one mission.</p>
        )}
      </section>
      <Coverage objectives={objectives} />
      <Themes themes={f.themes} />
      {f.goals.map((g) => (
        <section class="section" aria-labelledby={`goal-${anchor(g.code)}`}>
          <h2 id={`goal-${anchor(g.code)}`}>
            {g.code} {g.title}
          </h2>
          {g.description ? <p>{g.description}</p> : null}
          {g.themeId ? (
            <p class="small muted">
              Global Exploration Strategy theme: {f.themes.find((t) => t.id === g.themeId)?.title}
            </p>
          ) : null}
          {g.objectives.map((o) => (
            <ObjectiveBlock o={o} />
          ))}
        </section>
      ))}
    </div>
  );
}

const anchor = (code: string) => code.toLowerCase().replace(/[^a-z0-9]+/g, "-");

function ObjectiveBlock({ o }: { o: Objective }) {
  return (
    <div class="objective" id={`objective-${anchor(o.code)}`}>
      <h3>
        {o.code} {o.title} {o.missions.length ? null : <Tag tone="warn">no mission serves it</Tag>}
      </h3>
      {o.description ? <p>{o.description}</p> : null}
      {o.missions.length ? (
        <p>
          Served by {o.missions.length} mission{o.missions.length === 1 ? "" : "s"}:{" "}
          {o.missions.map((m, k) => (
            <>
              {k ? ", " : ""}
              <a href={`/roadmap/missions/${m.slug}`}>{m.name}</a>{" "}
              <span class="muted small">({statusLabels[m.status]})</span>
            </>
          ))}
        </p>
      ) : (
        <p>
          <strong>No mission serves this objective.</strong>
        </p>
      )}
    </div>
  );
}

/** Objectives by destination: how many missions serve each; unserved rows say so in words. */
function Coverage({ objectives }: { objectives: Objective[] }) {
  const shown = destinations.filter((d) =>
    objectives.some((o) => o.missions.some((m) => m.destination === d)),
  );
  return (
    <section class="section" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage</h2>
      <p class="small muted">
        Missions serving each objective, by destination. Rows marked “none” have no mission at all.
      </p>
      <TableScroll label="Coverage of objectives by destination">
        <table class="coverage-matrix">
          <caption>Missions serving each objective, by destination</caption>
          <thead>
            <tr>
              <th scope="col">Objective</th>
              {shown.map((d) => (
                <th scope="col" class="num">
                  {destinationLabels[d]}
                </th>
              ))}
              <th scope="col" class="num">
                All
              </th>
            </tr>
          </thead>
          <tbody>
            {objectives.map((o) => (
              <tr class={o.missions.length ? undefined : "unserved"}>
                <th scope="row">
                  <a href={`#objective-${anchor(o.code)}`}>
                    {o.code} {o.title}
                  </a>
                  {o.missions.length ? null : <strong class="unserved-label"> — not served</strong>}
                </th>
                {shown.map((d) => {
                  const n = o.missions.filter((m) => m.destination === d).length;
                  return <td class="num">{n || "·"}</td>;
                })}
                <td class="num">{o.missions.length ? o.missions.length : <strong>none</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Themes({ themes }: { themes: Framework["themes"] }) {
  if (!themes.length) return null;
  return (
    <section class="section" aria-labelledby="themes-heading">
      <h2 id="themes-heading">Global Exploration Strategy themes</h2>
      <dl class="details">
        {themes.map((t) => (
          <>
            <dt>{t.title}</dt>
            <dd>{t.description}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}
