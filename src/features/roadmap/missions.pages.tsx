import { Hono } from "hono";
import type { Person } from "../../http/actor.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, pageParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import type { FormValues } from "../../kit/forms.js";
import { EmptyState, Notice, PageHeader, Pagination } from "../../web/components.js";
import { cachedOrganisations } from "../directory/organisations.cache.queries.js";
import { listObjectiveChoices } from "../ger/ger.queries.js";
import { cachedMissionCount } from "./missions.cache.queries.js";
import { missionNotices as notices } from "./missions.notices.pages.js";
import { missionProposalPages } from "./missions.proposals.pages.js";
import {
  canAddMission,
  canChooseMissionLead,
  canEditMission,
  canProposeMissionChange,
  canReadMissions,
} from "./roadmap.policy.js";
import { missionValues } from "./roadmap.presenter.js";
import { findMissionBySlug, listMissionsPage, MISSIONS_PER_PAGE, type Mission } from "./roadmap.queries.js";
import { parseFilters } from "./roadmap.schemas.js";
import { createMission, proposeMissionChange, updateMission } from "./roadmap.service.js";
import { formValuesOf, MissionForm } from "./views/mission-form.js";
import { MissionTable } from "./views/mission-table.js";

/** The private missions list at a page, keeping the agency filter. */
const missionsHref = (agency: string, page: number) => {
  const q = new URLSearchParams();
  if (agency) q.set("agency", agency);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/private/missions?${s}` : "/private/missions";
};

/** The mission named by the `:slug` route parameter, or a 404. */
export async function loadMission(c: AppContext) {
  const m = await findMissionBySlug(c.var.deps.db, c.req.param("slug") ?? "");
  if (!m) throw notFound("The mission");
  return m;
}

/** The private area's missions: list, add, edit, propose, and the lead agency's proposals inbox. */
export function missionAdminPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/missions", async (c) => {
    const actor = requirePerson(c);
    authorize(canReadMissions(actor));
    const agency = c.req.query("agency") ?? "";
    const page = pageParam(c.req.query("page"));
    const filters = parseFilters({ agency });
    // The count first (from memory on most requests): no rows to read when none match.
    const total = await cachedMissionCount(c.var.deps, filters);
    const pages = Math.max(1, Math.ceil(total / MISSIONS_PER_PAGE));
    if (page > pages) throw notFound("This page of missions");
    const list = total ? await listMissionsPage(c.var.deps.db, filters, page) : [];
    const own = actor.organisationAcronym;
    return renderPrivate(c, {
      title: "Missions",
      body: () => (
        <>
          <PageHeader
            title="Missions"
            lead="Each agency keeps its own missions; the public roadmap is compiled from them."
            actions={
              canAddMission(actor) ? (
                <>
                  <a class="button" href="/private/missions/new">
                    Add a mission
                  </a>{" "}
                  <a class="button button-quiet" href="/private/missions/import">
                    Import missions
                  </a>
                </>
              ) : undefined
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <form method="get" action="/private/missions" class="filters" aria-label="Filter missions">
            <label>
              Agency (acronym)
              <input name="agency" value={agency} />
            </label>
            <button type="submit" class="button button-quiet">
              Filter
            </button>
            {own ? (
              <a href={`/private/missions?agency=${encodeURIComponent(own)}`}>My agency's missions</a>
            ) : null}
            <a href="/private/missions/proposals">Proposals inbox</a>
          </form>
          <p class="muted" role="status">
            {total === 1 ? "1 mission" : `${total} missions`}
            {pages > 1 ? `, ${MISSIONS_PER_PAGE} a page` : ""}.
          </p>
          {list.length ? (
            <MissionTable
              missions={list}
              caption={agency ? `Missions of ${agency} (lead or partner)` : "All missions"}
              extra={(m) => <Actions actor={actor} m={m} />}
            />
          ) : (
            <EmptyState title="No missions match." />
          )}
          <Pagination page={page} pages={pages} href={(n) => missionsHref(agency, n)} />
        </>
      ),
    });
  });

  const formPage = (
    c: AppContext,
    page: {
      title: string;
      action: string;
      submit: string;
      lead: string;
      proposal?: boolean;
      history?: string;
    },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) =>
    renderPrivate(c, {
      title: page.title,
      body: async () => {
        const [agencies, objectives] = await Promise.all([
          cachedOrganisations(c.var.deps),
          listObjectiveChoices(c.var.deps.db),
        ]);
        return (
          <>
            <PageHeader
              title={page.title}
              actions={page.history ? <a href={page.history}>History and earlier versions</a> : undefined}
            />
            <MissionForm
              action={page.action}
              csrf={c.var.csrfToken()}
              values={values}
              errors={errors}
              message={message}
              submitLabel={page.submit}
              agencies={agencies.filter((o) => !o.leftOn)}
              chooseLead={canChooseMissionLead(c.var.actor) && !page.proposal}
              fixedLead={page.lead}
              proposal={page.proposal}
              objectives={objectives}
            />
          </>
        );
      },
    });

  const newPage = (actor: Person) => ({
    title: "Add a mission",
    action: "/private/missions/new",
    submit: "Add mission",
    lead: actor.organisationAcronym ?? "",
  });
  app.get("/private/missions/new", (c) => {
    const actor = requirePerson(c);
    authorize(canAddMission(actor), "Only focal points and the secretariat can add missions.");
    return formPage(c, newPage(actor), { lead: actor.organisationAcronym ?? "" });
  });
  app.post("/private/missions/new", (c) => {
    const actor = requirePerson(c);
    authorize(canAddMission(actor), "Only focal points and the secretariat can add missions.");
    return handleForm(
      c,
      async (body) =>
        `/private/missions?done=added&slug=${(await createMission(c.var.deps, actor, body)).slug}`,
      (body, errors, message) => formPage(c, newPage(actor), body, errors, message),
    );
  });

  const editPage = (m: Mission) => ({
    title: `Edit ${m.name}`,
    action: `/private/missions/${m.slug}/edit`,
    history: `/private/missions/${m.slug}/history`,
    submit: "Save changes",
    lead: m.leadAcronym ?? m.leadOther ?? "",
  });
  app.get("/private/missions/:slug/edit", async (c) => {
    const actor = requirePerson(c);
    const m = await loadMission(c);
    authorize(
      canEditMission(actor, m),
      "Only the lead agency's focal points and the secretariat can change it.",
    );
    return formPage(c, editPage(m), formValuesOf(missionValues(m)));
  });
  app.post("/private/missions/:slug/edit", async (c) => {
    const actor = requirePerson(c);
    const m = await loadMission(c);
    authorize(
      canEditMission(actor, m),
      "Only the lead agency's focal points and the secretariat can change it.",
    );
    return handleForm(
      c,
      async (body) => {
        // The lead is not on a focal point's form: keep it.
        const input = canChooseMissionLead(actor) ? body : { ...body, lead: m.leadAcronym ?? "" };
        await updateMission(c.var.deps, actor, m.slug, { ...input, slug: m.slug });
        return "/private/missions?done=saved";
      },
      (body, errors, message) => formPage(c, editPage(m), body, errors, message),
    );
  });

  const proposePage = (m: Mission) => ({
    title: `Propose a change to ${m.name}`,
    action: `/private/missions/${m.slug}/propose`,
    submit: "Send proposal",
    lead: m.leadAcronym ?? m.leadOther ?? "",
    proposal: true,
  });
  app.get("/private/missions/:slug/propose", async (c) => {
    const actor = requirePerson(c);
    const m = await loadMission(c);
    authorize(
      canProposeMissionChange(actor, m),
      "Only focal points of partner agencies can propose changes.",
    );
    return formPage(c, proposePage(m), formValuesOf(missionValues(m)));
  });
  app.post("/private/missions/:slug/propose", async (c) => {
    const actor = requirePerson(c);
    const m = await loadMission(c);
    authorize(
      canProposeMissionChange(actor, m),
      "Only focal points of partner agencies can propose changes.",
    );
    return handleForm(
      c,
      async (body) => {
        await proposeMissionChange(c.var.deps, actor, m.slug, body);
        return "/private/missions?done=proposed";
      },
      (body, errors, message) => formPage(c, proposePage(m), body, errors, message),
    );
  });

  app.route("/", missionProposalPages());

  return app;
}

function Actions({ actor, m }: { actor: Person; m: Mission }) {
  if (canEditMission(actor, m))
    return (
      <div class="small">
        <a href={`/private/missions/${m.slug}/edit`}>
          Edit<span class="visually-hidden"> {m.name}</span>
        </a>
      </div>
    );
  if (canProposeMissionChange(actor, m))
    return (
      <div class="small">
        <a href={`/private/missions/${m.slug}/propose`}>
          Propose a change<span class="visually-hidden"> to {m.name}</span>
        </a>
      </div>
    );
  return null;
}
