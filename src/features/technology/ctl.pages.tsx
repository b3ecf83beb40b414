import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { EmptyState, Notice, PageHeader, Tag } from "../../web/components.js";
import { destinationLabels } from "../roadmap/roadmap.schemas.js";
import { addArea, addTechnology, technologyValues, updateArea, updateTechnology } from "./ctl.service.js";
import { hasDemoData, listCapabilities, listNeeds } from "./records.queries.js";
import {
  canAddCapabilities,
  canAddNeeds,
  canEditTechnologyList,
  canReadTechnologyList,
} from "./technology.policy.js";
import {
  findAreaByCode,
  findTechnologyByCode,
  listAreas,
  listTechnologies,
  loadGapInputs,
} from "./technology.queries.js";
import { parseDataset } from "./technology.schemas.js";
import { AreaForm, type FormValues, TechnologyForm } from "./views/ctl-forms.js";
import { CtlList } from "./views/ctl-list.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "./views/gap-dataset.js";
import { CapabilityTable, NeedTable } from "./views/records.js";

const notices: Record<string, string> = {
  "area-added": "The area was added.",
  "area-saved": "The area was saved.",
  added: "The technology was added to the list.",
  saved: "The technology was saved.",
};
const TECH = ":code{[A-Za-z]{2,6}-[0-9]{3,4}}";
const AREA = ":code{[A-Za-z][A-Za-z0-9]{1,9}}";
const onlySecretariat = "Only the secretariat edits the Critical Technology List.";

function guardEdit(c: AppContext) {
  const actor = requirePerson(c);
  authorize(canEditTechnologyList(actor), onlySecretariat);
  return actor;
}

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

  const technologyPage = async (
    c: AppContext,
    page: { title: string; action: string; submit: string },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const areas = await listAreas(c.var.deps.db);
    return renderPrivate(c, {
      title: page.title,
      body: () => (
        <>
          <PageHeader title={page.title} />
          <TechnologyForm
            action={page.action}
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            submit={page.submit}
            cancel="/private/technology"
            areas={areas}
          />
        </>
      ),
    });
  };
  const newTech = { title: "Add a technology", action: "/private/technology/new", submit: "Add technology" };
  app.get("/private/technology/new", (c) => {
    guardEdit(c);
    return technologyPage(c, newTech, {});
  });
  app.post("/private/technology/new", (c) => {
    const actor = guardEdit(c);
    return handleForm(
      c,
      async (body) => {
        await addTechnology(c.var.deps, actor, body);
        return "/private/technology?done=added";
      },
      (body, errors, message) => technologyPage(c, newTech, body, errors, message),
    );
  });

  const editTech = (code: string) => ({
    title: `Edit ${code}`,
    action: `/private/technology/${code}/edit`,
    submit: "Save changes",
  });
  app.get(`/private/technology/${TECH}/edit`, async (c) => {
    guardEdit(c);
    const t = await findTechnologyByCode(c.var.deps.db, c.req.param("code"));
    if (!t) throw notFound("The technology");
    return technologyPage(c, editTech(t.code), technologyValues(t));
  });
  app.post(`/private/technology/${TECH}/edit`, async (c) => {
    const actor = guardEdit(c);
    const t = await findTechnologyByCode(c.var.deps.db, c.req.param("code"));
    if (!t) throw notFound("The technology");
    return handleForm(
      c,
      async (body) => {
        await updateTechnology(c.var.deps, actor, t.code, body);
        return "/private/technology?done=saved";
      },
      (body, errors, message) => technologyPage(c, editTech(t.code), body, errors, message),
    );
  });

  app.route("/", areaPages());
  return app;
}

/** The secretariat's forms for the list's areas. */
function areaPages() {
  const app = new Hono<AppEnv>();
  const areaPage = (
    c: AppContext,
    page: { title: string; action: string; submit: string },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) =>
    renderPrivate(c, {
      title: page.title,
      body: () => (
        <>
          <PageHeader title={page.title} />
          <AreaForm
            action={page.action}
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            submit={page.submit}
            cancel="/private/technology"
          />
        </>
      ),
    });
  const newArea = { title: "Add an area", action: "/private/technology/areas/new", submit: "Add area" };
  app.get("/private/technology/areas/new", (c) => {
    guardEdit(c);
    return areaPage(c, newArea, {});
  });
  app.post("/private/technology/areas/new", (c) => {
    const actor = guardEdit(c);
    return handleForm(
      c,
      async (body) => {
        await addArea(c.var.deps, actor, body);
        return "/private/technology?done=area-added";
      },
      (body, errors, message) => areaPage(c, newArea, body, errors, message),
    );
  });
  const editArea = (code: string) => ({
    title: `Edit area ${code}`,
    action: `/private/technology/areas/${code}/edit`,
    submit: "Save changes",
  });
  app.get(`/private/technology/areas/${AREA}/edit`, async (c) => {
    guardEdit(c);
    const a = await findAreaByCode(c.var.deps.db, c.req.param("code"));
    if (!a) throw notFound("The area");
    return areaPage(c, editArea(a.code), a);
  });
  app.post(`/private/technology/areas/${AREA}/edit`, async (c) => {
    const actor = guardEdit(c);
    const a = await findAreaByCode(c.var.deps.db, c.req.param("code"));
    if (!a) throw notFound("The area");
    return handleForm(
      c,
      async (body) => {
        await updateArea(c.var.deps, actor, a.code, body);
        return "/private/technology?done=area-saved";
      },
      (body, errors, message) => areaPage(c, editArea(a.code), body, errors, message),
    );
  });
  return app;
}
