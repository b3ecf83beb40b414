import { Hono } from "hono";
import type { Person } from "../../../http/actor.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize, idParam, pageParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { ConfirmForm, EmptyState, Notice, PageHeader, Pagination } from "../../../web/components.js";
import { findOrganisationByAcronym, listOrganisations } from "../../directory/directory.queries.js";
import type { FormValues } from "../ctl/views/ctl-forms.js";
import {
  canAddCapabilities,
  canEditCapability,
  canEditTechnologyList,
  canReadCapabilities,
} from "../technology.policy.js";
import { listTechnologies } from "../technology.queries.js";
import { parseDataset } from "../technology.schemas.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../views/gap-dataset.js";
import {
  capabilityValues,
  createCapability,
  deleteCapability,
  updateCapability,
} from "./capabilities.service.js";
import { type Capability, findCapability, hasDemoData, listCapabilities } from "./records.queries.js";
import { CapabilityForm } from "./views/record-forms.js";
import { CapabilityTable } from "./views/records.js";

const PER_PAGE = 50;
const BASE = "/private/technology/capabilities";
const notices: Record<string, string> = {
  added: "The capability was recorded.",
  saved: "The capability was saved.",
  deleted: "The capability was deleted.",
};
const notYours = "Only the agency's own focal points and the secretariat can change its capabilities.";

async function loadCapability(c: AppContext, actor: Person): Promise<Capability> {
  const cap = await findCapability(c.var.deps.db, idParam(c.req.param("id")));
  if (!cap) throw notFound("The capability");
  authorize(canEditCapability(actor, cap), notYours);
  return cap;
}

/** Agencies' capabilities: the list (any member), and the focal points' and secretariat's forms. */
export function capabilityPages() {
  const app = new Hono<AppEnv>();

  app.get(BASE, async (c) => {
    const actor = requirePerson(c);
    authorize(canReadCapabilities(actor));
    const db = c.var.deps.db;
    const dataset = parseDataset(c.req.query("dataset"));
    const agency = c.req.query("agency") ?? "";
    const org = agency ? await findOrganisationByAcronym(db, agency) : undefined;
    const page = pageParam(c.req.query("page"));
    const [{ rows, total }, hasDemo, agencies] = await Promise.all([
      listCapabilities(db, {
        dataset,
        organisationId: agency ? (org?.id ?? -1) : undefined,
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
      }),
      hasDemoData(db),
      listOrganisations(db),
    ]);
    const query = (extra: Record<string, string | undefined>) => datasetQuery(dataset, { agency, ...extra });
    return renderPrivate(c, {
      title: "Capabilities",
      body: () => (
        <>
          <PageHeader
            eyebrow="Critical Technology List"
            title="Capabilities"
            lead="Each agency's current and target technology readiness levels. Only the agency's focal points and the secretariat change them; members of every agency read them. They are not public."
            actions={
              canAddCapabilities(actor) && dataset === "real" ? (
                <a class="button" href={`${BASE}/new`}>
                  Record a capability
                </a>
              ) : undefined
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <DatasetSwitch dataset={dataset} hasDemo={hasDemo} path={BASE} extra={{ agency }} />
          <DemoNotice dataset={dataset} />
          <form method="get" action={BASE} class="filters" aria-label="Filter capabilities">
            {dataset === "demo" ? <input type="hidden" name="dataset" value="demo" /> : null}
            <label>
              Agency
              <select name="agency">
                <option value="">All agencies</option>
                {agencies.map((o) => (
                  <option value={o.acronym} selected={o.acronym.toLowerCase() === agency.toLowerCase()}>
                    {o.acronym}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="button button-quiet">
              Filter
            </button>
            {actor.organisationAcronym ? (
              <a href={`${BASE}${datasetQuery(dataset, { agency: actor.organisationAcronym })}`}>
                My agency's capabilities
              </a>
            ) : null}
            <a href="/private/technology">The list</a>
          </form>
          {rows.length ? (
            <CapabilityTable
              rows={rows}
              actor={actor}
              caption={`Capabilities${org ? ` of ${org.acronym}` : ""} (${total})`}
              editable={dataset === "real"}
            />
          ) : (
            <EmptyState title="No capability is recorded here yet.">
              {dataset === "real" ? "Focal points record their agency's capabilities." : null}
            </EmptyState>
          )}
          <Pagination
            page={page}
            pages={Math.ceil(total / PER_PAGE)}
            href={(n) => `${BASE}${query({ page: String(n) })}`}
          />
        </>
      ),
    });
  });

  app.route("/", capabilityForms());
  return app;
}

function capabilityForms() {
  const app = new Hono<AppEnv>();
  const formPage = async (
    c: AppContext,
    page: { title: string; action: string; submit: string; fixed?: Capability },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const actor = requirePerson(c);
    const db = c.var.deps.db;
    const [techs, orgs] = await Promise.all([listTechnologies(db), listOrganisations(db)]);
    const chooseAgency = canEditTechnologyList(actor) && !page.fixed;
    return renderPrivate(c, {
      title: page.title,
      body: () => (
        <>
          <PageHeader eyebrow="Capabilities" title={page.title} />
          <CapabilityForm
            action={page.action}
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            submit={page.submit}
            cancel={BASE}
            technologies={techs.map((t) => ({ value: t.code, label: `${t.code} ${t.title}` }))}
            agencies={
              chooseAgency
                ? orgs.filter((o) => !o.leftOn).map((o) => ({ value: o.acronym, label: o.acronym }))
                : null
            }
            fixedAgency={page.fixed?.acronym ?? actor.organisationAcronym ?? ""}
            fixedTechnology={
              page.fixed ? `${page.fixed.technologyCode} ${page.fixed.technologyTitle}` : undefined
            }
          />
        </>
      ),
    });
  };

  const newPage = { title: "Record a capability", action: `${BASE}/new`, submit: "Record capability" };
  const guardNew = (c: AppContext) => {
    const actor = requirePerson(c);
    authorize(canAddCapabilities(actor), "Only focal points and the secretariat record capabilities.");
    return actor;
  };
  app.get(`${BASE}/new`, (c) => {
    const actor = guardNew(c);
    const technology = c.req.query("technology") ?? "";
    return formPage(c, newPage, { technology, agency: actor.organisationAcronym ?? "" });
  });
  app.post(`${BASE}/new`, (c) => {
    const actor = guardNew(c);
    return handleForm(
      c,
      async (body) => {
        const input = canEditTechnologyList(actor) ? body : { ...body, agency: actor.organisationAcronym };
        const cap = await createCapability(c.var.deps, actor, input);
        return `${BASE}?done=added&agency=${encodeURIComponent(cap.acronym)}`;
      },
      (body, errors, message) => formPage(c, newPage, body, errors, message),
    );
  });

  const editPage = (cap: Capability) => ({
    title: `Edit ${cap.acronym}'s capability for ${cap.technologyCode}`,
    action: `${BASE}/${cap.id}/edit`,
    submit: "Save changes",
    fixed: cap,
  });
  app.get(`${BASE}/:id/edit`, async (c) => {
    const cap = await loadCapability(c, requirePerson(c));
    return formPage(c, editPage(cap), capabilityValues(cap));
  });
  app.post(`${BASE}/:id/edit`, async (c) => {
    const actor = requirePerson(c);
    const cap = await loadCapability(c, actor);
    return handleForm(
      c,
      async (body) => {
        await updateCapability(c.var.deps, actor, cap.id, body);
        return `${BASE}?done=saved&agency=${encodeURIComponent(cap.acronym)}`;
      },
      (body, errors, message) => formPage(c, editPage(cap), body, errors, message),
    );
  });

  app.get(`${BASE}/:id/delete`, async (c) => {
    const cap = await loadCapability(c, requirePerson(c));
    return renderPrivate(c, {
      title: "Delete capability",
      body: () => (
        <>
          <PageHeader
            title={`Delete ${cap.acronym}'s capability for ${cap.technologyCode}?`}
            lead={`TRL ${cap.currentTrl} now, ${cap.targetTrl} planned by ${cap.targetDate}. The gap analysis will no longer count it; the audit log keeps a copy.`}
          />
          <ConfirmForm
            action={`${BASE}/${cap.id}/delete`}
            csrf={c.var.csrfToken()}
            button="Delete capability"
            back={BASE}
          />
        </>
      ),
    });
  });
  app.post(`${BASE}/:id/delete`, async (c) => {
    const actor = requirePerson(c);
    const cap = await loadCapability(c, actor);
    await deleteCapability(c.var.deps, actor, cap.id);
    return c.redirect(`${BASE}?done=deleted`, 303);
  });
  return app;
}
