import { Hono } from "hono";
import type { AppEnv } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { authorize, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { EmptyState, Notice, PageHeader, Tag } from "../../../web/components.js";
import { destinationLabels } from "../../roadmap/roadmap.schemas.js";
import { hasDemoData, listCapabilities, listNeeds } from "../records/records.queries.js";
import { CapabilityTable, NeedTable } from "../records/views/records.js";
import {
  canAddCapabilities,
  canAddNeeds,
  canEditTechnologyList,
  canReadTechnologyList,
} from "../technology.policy.js";
import { findTechnologyByCode, listAreas, listTechnologies, loadGapInputs } from "../technology.queries.js";
import { parseDataset } from "../technology.schemas.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../views/gap-dataset.js";
import { ctlFormPages, TECH } from "./ctl-forms.pages.js";
import { CtlList } from "./views/ctl-list.js";

const notices: Record<string, string> = {
  "area-added": "The area was added.",
  "area-saved": "The area was saved.",
  added: "The technology was added to the list.",
  saved: "The technology was saved.",
};

/** The private Critical Technology List: the list, one technology, and the secretariat's forms. */
export function ctlPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/technology", async (c) => {
    const actor = requirePerson(c);
    authorize(canReadTechnologyList(actor));
    const dataset = parseDataset(c.req.query("dataset"));
    const db = c.var.deps.db;
    const [areas, technologies, inputs, hasDemo] = await Promise.all([
      listAreas(db),
      listTechnologies(db),
      loadGapInputs(c.var.deps, { dataset }),
      hasDemoData(db),
    ]);
    const editor = canEditTechnologyList(actor);
    return renderPrivate(c, {
      title: "Critical Technology List",
      body: () => (
        <>
          <PageHeader
            title="Critical Technology List"
            lead="The technologies exploration needs, by area, with who is developing them and which missions need them."
            actions={
              editor ? (
                <>
                  <a class="button" href="/private/technology/new">
                    Add a technology
                  </a>
                  <a class="button button-quiet" href="/private/technology/areas/new">
                    Add an area
                  </a>
                </>
              ) : undefined
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <DatasetSwitch dataset={dataset} hasDemo={hasDemo} path="/private/technology" />
          <DemoNotice dataset={dataset} />
          <p>
            <a href={`/private/technology/capabilities${datasetQuery(dataset)}`}>Agencies' capabilities</a>
            {" · "}
            <a href={`/private/technology/needs${datasetQuery(dataset)}`}>Mission needs</a>
            {" · "}
            <a href="/private/technology/data">Import and export</a>
          </p>
          {inputs.technologies.length === 0 ? (
            <EmptyState title="The list is empty.">The secretariat adds areas and technologies.</EmptyState>
          ) : (
            <CtlList areas={areas} technologies={technologies} inputs={inputs} editor={editor} />
          )}
        </>
      ),
    });
  });

  app.get(`/private/technology/${TECH}`, async (c) => {
    const actor = requirePerson(c);
    authorize(canReadTechnologyList(actor));
    const db = c.var.deps.db;
    const t = await findTechnologyByCode(db, c.req.param("code"));
    if (!t) throw notFound("The technology");
    const dataset = parseDataset(c.req.query("dataset"));
    const [caps, needs, hasDemo] = await Promise.all([
      listCapabilities(db, { dataset, technologyId: t.id }),
      listNeeds(db, { dataset, technologyId: t.id }),
      hasDemoData(db),
    ]);
    const editable = dataset === "real";
    return renderPrivate(c, {
      title: `${t.code} ${t.title}`,
      body: () => (
        <>
          <PageHeader
            eyebrow={`${t.areaCode} · ${t.areaName}`}
            title={`${t.code} ${t.title}`}
            lead={t.description || undefined}
            actions={
              canEditTechnologyList(actor) ? (
                <a class="button button-quiet" href={`/private/technology/${t.code}/edit`}>
                  Edit technology
                </a>
              ) : undefined
            }
          />
          <dl class="details">
            <dt>Destinations that need it</dt>
            <dd>{t.destinations.map((d) => destinationLabels[d]).join(", ") || "Not recorded"}</dd>
            {t.uncertain ? (
              <>
                <dt>Certainty</dt>
                <dd>
                  <Tag tone="warn">Uncertain</Tag> {t.uncertainNote}
                </dd>
              </>
            ) : null}
          </dl>
          <DatasetSwitch dataset={dataset} hasDemo={hasDemo} path={`/private/technology/${t.code}`} />
          <DemoNotice dataset={dataset} />
          <h2>Capabilities</h2>
          {caps.rows.length ? (
            <CapabilityTable
              rows={caps.rows}
              actor={actor}
              caption={`Capabilities for ${t.code}`}
              hideTechnology
              editable={editable}
            />
          ) : (
            <EmptyState title="No agency has recorded a capability for this technology." />
          )}
          {canAddCapabilities(actor) ? (
            <p>
              <a href={`/private/technology/capabilities/new?technology=${t.code}`}>Record a capability</a>
            </p>
          ) : null}
          <h2>Needs</h2>
          {needs.rows.length ? (
            <NeedTable
              rows={needs.rows}
              actor={actor}
              caption={`Needs for ${t.code}`}
              hideTechnology
              editable={editable}
            />
          ) : (
            <EmptyState title="No mission or element has recorded a need for this technology." />
          )}
          {canAddNeeds(actor) ? (
            <p>
              <a href={`/private/technology/needs/new?technology=${t.code}`}>Record a need</a>
            </p>
          ) : null}
        </>
      ),
    });
  });

  app.route("/", ctlFormPages());
  return app;
}
