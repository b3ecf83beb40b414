import { Hono } from "hono";
import type { Person } from "../../../http/actor.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize, idParam, pageParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { ConfirmForm, EmptyState, Notice, PageHeader, Pagination } from "../../../web/components.js";
import { listMissions } from "../../roadmap/roadmap.queries.js";
import type { FormValues } from "../ctl/views/ctl-forms.js";
import { canAddNeeds, canEditNeed, canReadNeeds } from "../technology.policy.js";
import { listTechnologies } from "../technology.queries.js";
import { parseDataset } from "../technology.schemas.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../views/gap-dataset.js";
import { createNeed, deleteNeed, needLabel, needValues, updateNeed } from "./needs.service.js";
import { findNeed, hasDemoData, listNeeds, type Need } from "./records.queries.js";
import { NeedForm } from "./views/record-forms.js";
import { NeedTable } from "./views/records.js";

const PER_PAGE = 50;
const BASE = "/private/technology/needs";
const notices: Record<string, string> = {
  added: "The need was recorded.",
  saved: "The need was saved.",
  deleted: "The need was deleted.",
};
const notYours =
  "Only the secretariat and the focal points of the mission's lead agency (chairs, for architecture elements) can change this need.";

async function loadNeed(c: AppContext, actor: Person): Promise<Need> {
  const need = await findNeed(c.var.deps.db, idParam(c.req.param("id")));
  if (!need) throw notFound("The need");
  authorize(canEditNeed(actor, need), notYours);
  return need;
}

/** Mission and element needs: the list (any member), and the forms for those who may edit. */
export function needPages() {
  const app = new Hono<AppEnv>();

  app.get(BASE, async (c) => {
    const actor = requirePerson(c);
    authorize(canReadNeeds(actor));
    const db = c.var.deps.db;
    const dataset = parseDataset(c.req.query("dataset"));
    const page = pageParam(c.req.query("page"));
    const [{ rows, total }, hasDemo] = await Promise.all([
      listNeeds(db, { dataset, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
      hasDemoData(db),
    ]);
    return renderPrivate(c, {
      title: "Technology needs",
      body: () => (
        <>
          <PageHeader
            eyebrow="Critical Technology List"
            title="Technology needs"
            lead="Which mission or architecture element needs which technology, at what readiness level and by when. The lead agency's focal points set a mission's needs; chairs and the secretariat set an element's."
            actions={
              canAddNeeds(actor) && dataset === "real" ? (
                <a class="button" href={`${BASE}/new`}>
                  Record a need
                </a>
              ) : undefined
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <DatasetSwitch dataset={dataset} hasDemo={hasDemo} path={BASE} />
          <DemoNotice dataset={dataset} />
          <p>
            <a href="/private/technology">The list</a>
          </p>
          {rows.length ? (
            <NeedTable
              rows={rows}
              actor={actor}
              caption={`Technology needs (${total})`}
              editable={dataset === "real"}
            />
          ) : (
            <EmptyState title="No need is recorded here yet." />
          )}
          <Pagination
            page={page}
            pages={Math.ceil(total / PER_PAGE)}
            href={(n) => `${BASE}${datasetQuery(dataset, { page: String(n) })}`}
          />
        </>
      ),
    });
  });

  app.route("/", needForms());
  return app;
}

function needForms() {
  const app = new Hono<AppEnv>();
  const formPage = async (
    c: AppContext,
    page: { title: string; action: string; submit: string },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const actor = requirePerson(c);
    const db = c.var.deps.db;
    const [techs, missions] = await Promise.all([listTechnologies(db), listMissions(db)]);
    const mine = missions.filter((m) =>
      canEditNeed(actor, { missionId: m.id, leadOrganisationId: m.leadOrganisationId }),
    );
    return renderPrivate(c, {
      title: page.title,
      body: () => (
        <>
          <PageHeader eyebrow="Technology needs" title={page.title} />
          <NeedForm
            action={page.action}
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            submit={page.submit}
            cancel={BASE}
            technologies={techs.map((t) => ({ value: t.code, label: `${t.code} ${t.title}` }))}
            missions={mine.map((m) => ({
              value: m.slug,
              label: `${m.name}${m.leadAcronym ? ` (${m.leadAcronym})` : ""}`,
            }))}
            elementAllowed={canEditNeed(actor, { missionId: null, leadOrganisationId: null })}
          />
        </>
      ),
    });
  };

  const newPage = { title: "Record a need", action: `${BASE}/new`, submit: "Record need" };
  const guardNew = (c: AppContext) => {
    const actor = requirePerson(c);
    authorize(canAddNeeds(actor), "Only focal points, chairs and the secretariat record needs.");
    return actor;
  };
  app.get(`${BASE}/new`, (c) => {
    guardNew(c);
    return formPage(c, newPage, { technology: c.req.query("technology") ?? "" });
  });
  app.post(`${BASE}/new`, (c) => {
    const actor = guardNew(c);
    return handleForm(
      c,
      async (body) => {
        await createNeed(c.var.deps, actor, body);
        return `${BASE}?done=added`;
      },
      (body, errors, message) => formPage(c, newPage, body, errors, message),
    );
  });

  const editPage = (n: Need) => ({
    title: `Edit the need of ${needLabel(n)} for ${n.technologyCode}`,
    action: `${BASE}/${n.id}/edit`,
    submit: "Save changes",
  });
  app.get(`${BASE}/:id/edit`, async (c) => {
    const need = await loadNeed(c, requirePerson(c));
    return formPage(c, editPage(need), needValues(need));
  });
  app.post(`${BASE}/:id/edit`, async (c) => {
    const actor = requirePerson(c);
    const need = await loadNeed(c, actor);
    return handleForm(
      c,
      async (body) => {
        await updateNeed(c.var.deps, actor, need.id, body);
        return `${BASE}?done=saved`;
      },
      (body, errors, message) => formPage(c, editPage(need), body, errors, message),
    );
  });

  app.get(`${BASE}/:id/delete`, async (c) => {
    const need = await loadNeed(c, requirePerson(c));
    return renderPrivate(c, {
      title: "Delete need",
      body: () => (
        <>
          <PageHeader
            title={`Delete the need of ${needLabel(need)} for ${need.technologyCode}?`}
            lead={`TRL ${need.trlNeeded} by ${need.neededBy}. The gap analysis will no longer count it; the audit log keeps a copy.`}
          />
          <ConfirmForm
            action={`${BASE}/${need.id}/delete`}
            csrf={c.var.csrfToken()}
            button="Delete need"
            back={BASE}
          />
        </>
      ),
    });
  });
  app.post(`${BASE}/:id/delete`, async (c) => {
    const actor = requirePerson(c);
    const need = await loadNeed(c, actor);
    await deleteNeed(c.var.deps, actor, need.id);
    return c.redirect(`${BASE}?done=deleted`, 303);
  });
  return app;
}
