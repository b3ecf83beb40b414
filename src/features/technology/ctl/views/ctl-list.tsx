import { TableScroll, Tag } from "../../../../web/components.js";
import { destinationLabels } from "../../../roadmap/roadmap.schemas.js";
import type { AreaRow, GapInputs, Technology } from "../../technology.queries.js";
import { datasetQuery } from "../../views/gap-dataset.js";

const tally = (ids: number[]) => {
  const m = new Map<number, number>();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
};

/** The list by area: each technology with its destinations and how many capabilities and needs it has. */
export function CtlList(p: {
  areas: AreaRow[];
  technologies: Technology[];
  inputs: GapInputs;
  editor: boolean;
}) {
  const caps = tally(p.inputs.capabilities.map((c) => c.technologyId));
  const needs = tally(p.inputs.needs.map((n) => n.technologyId));
  return (
    <>
      {p.areas.map((area) => {
        const techs = p.technologies.filter((t) => t.areaId === area.id);
        return (
          <section>
            <h2>
              {area.name} <span class="small muted">({area.code})</span>
              {p.editor ? (
                <span class="small">
                  {" "}
                  <a href={`/private/technology/areas/${area.code}/edit`}>
                    Edit<span class="visually-hidden"> area {area.code}</span>
                  </a>
                </span>
              ) : null}
            </h2>
            {area.description ? <p class="muted">{area.description}</p> : null}
            {techs.length === 0 ? (
              <p class="muted">No technology in this area yet.</p>
            ) : (
              <TableScroll label={`Technologies in ${area.name}`}>
                <table class="data-table">
                  <caption class="visually-hidden">Technologies in {area.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Code</th>
                      <th scope="col">Technology</th>
                      <th scope="col">Destinations</th>
                      <th scope="col">Capabilities</th>
                      <th scope="col">Needs</th>
                    </tr>
                  </thead>
                  <tbody>
                    {techs.map((t) => (
                      <tr>
                        <th scope="row" class="nowrap">
                          <a href={`/private/technology/${t.code}${datasetQuery(p.inputs.dataset)}`}>
                            {t.code}
                          </a>
                        </th>
                        <td>{t.title}</td>
                        <td class="small">
                          {t.destinations.map((d) => destinationLabels[d]).join(", ") || "—"}
                          {t.uncertain ? (
                            <>
                              {" "}
                              <Tag tone="warn">Uncertain</Tag>
                            </>
                          ) : null}
                        </td>
                        <td>{caps.get(t.id) ?? 0}</td>
                        <td>{needs.get(t.id) ?? 0}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        );
      })}
    </>
  );
}
