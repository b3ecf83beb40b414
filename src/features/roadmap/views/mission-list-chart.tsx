import { raw } from "hono/html";
import { destinations } from "../../../db/schema/index.js";
import { describeAtPrecision } from "../../../domain/mission-dates.js";
import type { Mission } from "../roadmap.queries.js";
import { destinationLabels, statusLabels } from "../roadmap.schemas.js";
import { glyphPath, statusStyle } from "./mission-chart.js";

/** A mark as the chart draws it, alone in a small SVG: filled when crewed, outlined when robotic. */
function Mark({ m }: { m: Mission }) {
  const { colour, shape } = statusStyle[m.status];
  const d = glyphPath(shape, 9, 9, 6);
  const paint = m.crewed
    ? `<path d="${d}" fill="${colour}" stroke="#1b1b1b" stroke-width="1.2"/>`
    : `<path d="${d}" fill="#fff" stroke="${colour}" stroke-width="2.2"/>`;
  return raw(
    `<svg class="mark" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">${paint}</svg>`,
  );
}

/**
 * The chart for a phone: the same missions and marks, read top to bottom by destination and
 * launch, instead of a strip that scrolls sideways. Wide screens show the chart instead.
 */
export function MissionListChart({ missions }: { missions: Mission[] }) {
  const dated = missions.filter((m) => m.launchOn && m.launchPrecision);
  return (
    <div class="chart-list">
      {destinations.map((destination) => {
        const here = dated.filter((m) => m.destination === destination);
        return here.length ? (
          <section aria-label={destinationLabels[destination]}>
            <h3>{destinationLabels[destination]}</h3>
            <ul>
              {here.map((m) => (
                <li>
                  <Mark m={m} />
                  <span>
                    <a href={`/roadmap/missions/${m.slug}`}>{m.name}</a>
                    <span class="muted">
                      {" "}
                      · {m.leadAcronym ?? m.leadOther ?? "lead not known"} ·{" "}
                      {describeAtPrecision(m.launchOn!, m.launchPrecision!)} · {statusLabels[m.status]},{" "}
                      {m.crewed ? "crewed" : "robotic"}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null;
      })}
    </div>
  );
}
