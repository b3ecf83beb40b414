import { plural } from "../../../web/words.js";
import type { GroupDetail } from "../../groups/groups.queries.js";
import { destinationLabels } from "../../roadmap/roadmap.schemas.js";
import type { Framework, MissionRef } from "../ger.queries.js";

/** What the records say about science: the science group, then the roadmap's science goals. */
export function ScienceRecords({ group, goals }: { group: GroupDetail | undefined; goals: ScienceGoal[] }) {
  return (
    <>
      {group ? <ScienceGroup group={group} /> : null}
      {goals.length ? <ScienceGoals goals={goals} /> : null}
    </>
  );
}

function ScienceGroup({ group }: { group: GroupDetail }) {
  const agencies = group.memberships.filter((m) => !m.leftOn);
  const chairs = group.chairs.map((ch) => ch.label ?? ch.personAgency ?? ch.personName).filter(Boolean);
  return (
    <section class="section" aria-labelledby="science-group">
      <h2 id="science-group">{group.name}</h2>
      {group.charter ? <p>{group.charter}</p> : null}
      <p>
        {agencies.length
          ? `${plural(agencies.length, "agency", "agencies")} take part`
          : "No agency is listed yet"}
        {chairs.length ? `; chaired by ${chairs.join(", ")}` : ""}.{" "}
        <a href={`/groups/${group.slug}`}>The group, its members and its plans</a>
      </p>
    </section>
  );
}

export type ScienceGoal = Framework["goals"][number];

/** The science goals with their objectives, then every mission serving one of them, by destination. */
function ScienceGoals({ goals }: { goals: ScienceGoal[] }) {
  const missions = new Map<string, MissionRef>();
  for (const o of goals.flatMap((g) => g.objectives)) for (const m of o.missions) missions.set(m.slug, m);
  const byDestination = new Map<MissionRef["destination"], MissionRef[]>();
  for (const m of missions.values())
    byDestination.set(m.destination, [...(byDestination.get(m.destination) ?? []), m]);
  return (
    <section class="section" aria-labelledby="science-goals">
      <h2 id="science-goals">Science in the roadmap</h2>
      <p>
        The roadmap's common goals include {plural(goals.length, "science goal")};{" "}
        {plural(missions.size, "mission")} in the agencies' plans serve at least one of their objectives.{" "}
        <a href="/roadmap/framework">All goals and objectives</a>
      </p>
      <ul>
        {goals.map((g) => (
          <li>
            <strong>{g.title}</strong>
            {g.description ? `: ${g.description}` : ""}{" "}
            <span class="muted">
              ({plural(g.objectives.length, "objective")},{" "}
              {plural(new Set(g.objectives.flatMap((o) => o.missions.map((m) => m.slug))).size, "mission")})
            </span>
          </li>
        ))}
      </ul>
      {[...byDestination].map(([destination, list]) => (
        <>
          <h3>{destinationLabels[destination]}</h3>
          <ul class="columns">
            {list.map((m) => (
              <li>
                <a href={`/roadmap/missions/${m.slug}`}>{m.name}</a>
              </li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}
