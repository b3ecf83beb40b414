import type { Child } from "hono/jsx";
import { describeAtPrecision } from "../../../domain/mission-dates.js";
import { TableScroll } from "../../../web/components.js";
import type { Mission } from "../roadmap.queries.js";
import { destinationLabels, statusLabels } from "../roadmap.schemas.js";

/** "Q3 2027", or "not announced". */
export const launchText = (m: Mission) =>
  m.launchOn && m.launchPrecision ? describeAtPrecision(m.launchOn, m.launchPrecision) : "not announced";

/** Lead agency: the member's acronym, or the non-member lead's name. */
export const leadText = (m: Mission) => m.leadAcronym ?? m.leadOther ?? "";

/** The missions as a table: what the chart shows, for screen readers and anyone who prefers text. */
export function MissionTable(props: {
  missions: Mission[];
  caption: string;
  href?: (m: Mission) => string;
  extra?: (m: Mission) => Child;
}) {
  const href = props.href ?? ((m: Mission) => `/roadmap/missions/${m.slug}`);
  return (
    <TableScroll label={props.caption}>
      <table class="missions-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Mission</th>
            <th scope="col">Lead</th>
            <th scope="col">Partners</th>
            <th scope="col">Destination</th>
            <th scope="col">Crew</th>
            <th scope="col">Launch</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.missions.map((m) => (
            <tr>
              <th scope="row">
                <a href={href(m)}>{m.name}</a>
                {props.extra ? props.extra(m) : null}
              </th>
              <td>{leadText(m)}</td>
              <td>{[...m.partners.map((p) => p.acronym), ...m.otherPartners].join(", ") || "—"}</td>
              <td>{destinationLabels[m.destination]}</td>
              <td>{m.crewed ? "Crewed" : "Robotic"}</td>
              <td class="nowrap">{launchText(m)}</td>
              <td>{statusLabels[m.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
