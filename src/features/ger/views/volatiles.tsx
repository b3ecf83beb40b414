import { raw } from "hono/html";
import { destinations } from "../../../db/schema/index.js";
import { EmptyState, TableScroll } from "../../../web/components.js";
import type { Mission } from "../../roadmap/roadmap.queries.js";
import { statusLabels } from "../../roadmap/roadmap.schemas.js";
import { missionChart } from "../../roadmap/views/mission-chart.js";
import { launchText, MissionTable } from "../../roadmap/views/mission-table.js";
import type { listGaps } from "../ger.queries.js";

type Gap = Awaited<ReturnType<typeof listGaps>>[number];

/** The missions studying lunar polar volatiles on a chart and a table, their instruments, and the gaps. */
export function VolatilesView({ missions, gaps }: { missions: Mission[]; gaps: Gap[] }) {
  if (!missions.length)
    return <EmptyState title="No mission in the roadmap studies lunar polar volatiles yet." />;
  const lanes = destinations.filter((d) => missions.some((m) => m.destination === d));
  const chart = missionChart(missions, {
    idPrefix: "volatiles-chart",
    lanes,
    title: `Missions studying lunar polar volatiles: ${missions.length} missions by launch date`,
  });
  const withInstruments = missions.filter((m) => m.instruments.length);
  return (
    <>
      <section class="section" aria-labelledby="volatiles-timeline">
        <h2 id="volatiles-timeline">Missions on a timeline</h2>
        <p class="muted small">
          The roadmap's missions that study lunar polar volatiles, placed at their launch. Shapes and colours
          tell the status; filled marks are crewed, outlined marks robotic.
        </p>
        <figure class="chart-figure roadmap-chart">
          <section class="chart-scroll" tabindex={0} aria-label="Volatiles missions chart (scrolls sideways)">
            {raw(chart.svg)}
          </section>
          <figcaption>
            {chart.notDrawn.length
              ? `Not drawn (no announced launch date): ${chart.notDrawn.map((m) => m.name).join(", ")}.`
              : "Every mission listed below is drawn."}
          </figcaption>
        </figure>
        <MissionTable missions={missions} caption="Missions studying lunar polar volatiles, by launch date" />
      </section>
      <section class="section" aria-labelledby="volatiles-instruments">
        <h2 id="volatiles-instruments">Instruments</h2>
        {withInstruments.length ? (
          <TableScroll label="Instruments studying volatiles">
            <table>
              <caption>Instruments recorded on these missions</caption>
              <thead>
                <tr>
                  <th scope="col">Mission</th>
                  <th scope="col">Instruments</th>
                  <th scope="col">Launch</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {withInstruments.map((m) => (
                  <tr>
                    <th scope="row">
                      <a href={`/roadmap/missions/${m.slug}`}>{m.name}</a>
                    </th>
                    <td>{m.instruments.join("; ")}</td>
                    <td class="nowrap">{launchText(m)}</td>
                    <td>{statusLabels[m.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>No instruments are recorded on these missions.</p>
        )}
      </section>
      <section class="section" aria-labelledby="volatiles-gaps">
        <h2 id="volatiles-gaps">Knowledge gaps and the missions addressing them</h2>
        {gaps.map((g) => (
          <div class="objective">
            <h3>
              {g.code} {g.title}
            </h3>
            {g.description ? <p>{g.description}</p> : null}
            <p>
              {g.missions.length ? (
                <>
                  Addressed by:{" "}
                  {g.missions.map((m, k) => (
                    <>
                      {k ? ", " : ""}
                      <a href={`/roadmap/missions/${m.slug}`}>{m.name}</a>
                    </>
                  ))}
                </>
              ) : (
                <strong>No mission addresses this gap.</strong>
              )}
            </p>
          </div>
        ))}
      </section>
    </>
  );
}
