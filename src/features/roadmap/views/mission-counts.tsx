import { destinations, missionStatuses } from "../../../db/schema/index.js";
import { TableScroll } from "../../../web/components.js";
import type { Mission } from "../roadmap.queries.js";
import { destinationLabels, statusLabels } from "../roadmap.schemas.js";

/** "At a glance": how many of the missions go to each destination and are in each status. */
export function Counts({ missions }: { missions: Mission[] }) {
  const count = <K extends string>(key: (m: Mission) => K, keys: readonly K[]) =>
    keys.map((k) => [k, missions.filter((m) => key(m) === k).length] as const).filter(([, v]) => v > 0);
  return (
    <section aria-labelledby="counts-heading" class="section">
      <h2 id="counts-heading">At a glance</h2>
      <div class="roadmap-counts">
        <CountTable
          caption="Missions by destination"
          rows={count((m) => m.destination, destinations).map(([k, v]) => [destinationLabels[k], v])}
        />
        <CountTable
          caption="Missions by status"
          rows={count((m) => m.status, missionStatuses).map(([k, v]) => [statusLabels[k], v])}
        />
      </div>
    </section>
  );
}

function CountTable({ caption, rows }: { caption: string; rows: Array<readonly [string, number]> }) {
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption.replace("Missions by ", "").replace(/^./, (s) => s.toUpperCase())}</th>
            <th scope="col" class="num">
              Missions
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, n]) => (
            <tr>
              <th scope="row">{label}</th>
              <td class="num">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
