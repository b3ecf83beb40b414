import type { Person } from "../../http/actor.js";
import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, pageParam, personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { PageHeader } from "../../web/components.js";
import { cachedOrganisations } from "../directory/organisations.cache.queries.js";
import { listObjectiveChoices } from "../ger/ger.queries.js";
import { cachedMissionCount } from "./missions.cache.queries.js";
import { missionNotices as notices } from "./missions.notices.pages.js";
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
import { MissionList } from "./views/mission-list.js";

/** The mission named by the `:slug` route parameter, or a 404. */
export async function loadMission(c: AppContext) {
  const m = await findMissionBySlug(c.var.deps.db, c.req.param("slug") ?? "");
  if (!m) throw notFound("The mission");
  return m;
}

const missionAdder = personAllowedBy(
  canAddMission,
  "Only focal points and the secretariat can add missions.",
);

/** The mission the address names, if the person may change it (or, `proposing`, propose a change). */
async function missionFor(c: AppContext, proposing = false) {
  const actor = requirePerson(c);
  const m = await loadMission(c);
  if (proposing)
    authorize(
      canProposeMissionChange(actor, m),
      "Only focal points of partner agencies can propose changes.",
    );
  else
    authorize(
      canEditMission(actor, m),
      "Only the lead agency's focal points and the secretariat can change it.",
    );
  return { actor, m };
}

async function missionList(c: AppContext) {
  const actor = requirePerson(c);
  authorize(canReadMissions(actor));
  const agency = c.req.query("agency") ?? "";
  const page = pageParam(c.req.query("page"));
  const filters = parseFilters({ agency });
  // The count first (from memory on most requests): no rows to read when none match.
  const total = await cachedMissionCount(c.var.deps, filters);
  const pages = Math.max(1, Math.ceil(total / MISSIONS_PER_PAGE));
  if (page > pages) throw notFound("This page of missions");
  const missions = total ? await listMissionsPage(c.var.deps.db, filters, page) : [];
  return renderPrivate(c, {
    title: "Missions",
    body: () => (
      <MissionList
        actor={actor}
        canAdd={canAddMission(actor)}
        notice={notices[c.req.query("done") ?? ""]}
        {...{ agency, missions, total, page, pages }}
        perPage={MISSIONS_PER_PAGE}
      />
    ),
  });
}

type FormPage = {
  title: string;
  action: string;
  submit: string;
  lead: string;
  proposal?: boolean;
  history?: string;
};

/** The add, edit or proposal form, with the member agencies and the roadmap's objectives to choose from. */
const formPage = (
  c: AppContext,
  page: FormPage,
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
            {...{ values, errors, message, objectives }}
            submitLabel={page.submit}
            agencies={agencies.filter((o) => !o.leftOn)}
            chooseLead={canChooseMissionLead(c.var.actor) && !page.proposal}
            fixedLead={page.lead}
            proposal={page.proposal}
          />
        </>
      );
    },
  });

const newPage = (actor: Person): FormPage => ({
  title: "Add a mission",
  action: "/private/missions/new",
  submit: "Add mission",
  lead: actor.organisationAcronym ?? "",
});
const editPage = (m: Mission): FormPage => ({
  title: `Edit ${m.name}`,
  action: `/private/missions/${m.slug}/edit`,
  history: `/private/missions/${m.slug}/history`,
  submit: "Save changes",
  lead: m.leadAcronym ?? m.leadOther ?? "",
});
const proposePage = (m: Mission): FormPage => ({
  title: `Propose a change to ${m.name}`,
  action: `/private/missions/${m.slug}/propose`,
  submit: "Send proposal",
  lead: m.leadAcronym ?? m.leadOther ?? "",
  proposal: true,
});

function newMissionForm(c: AppContext) {
  const actor = missionAdder(c);
  return formPage(c, newPage(actor), { lead: actor.organisationAcronym ?? "" });
}

function submitNewMission(c: AppContext) {
  const actor = missionAdder(c);
  return handleForm(
    c,
    async (body) =>
      `/private/missions?done=added&slug=${(await createMission(c.var.deps, actor, body)).slug}`,
    (body, errors, message) => formPage(c, newPage(actor), body, errors, message),
  );
}

async function editMissionForm(c: AppContext) {
  const { m } = await missionFor(c);
  return formPage(c, editPage(m), formValuesOf(missionValues(m)));
}

async function saveMission(c: AppContext) {
  const { actor, m } = await missionFor(c);
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
}

async function proposalForm(c: AppContext) {
  const { m } = await missionFor(c, true);
  return formPage(c, proposePage(m), formValuesOf(missionValues(m)));
}

async function sendProposal(c: AppContext) {
  const { actor, m } = await missionFor(c, true);
  return handleForm(
    c,
    async (body) => {
      await proposeMissionChange(c.var.deps, actor, m.slug, body);
      return "/private/missions?done=proposed";
    },
    (body, errors, message) => formPage(c, proposePage(m), body, errors, message),
  );
}

/** The private area's missions: list, add, edit and propose a change (the inbox is proposals.pages). */
export const missionAdminPages = pageGroup([
  ["GET", "/private/missions", missionList],
  ["GET", "/private/missions/new", newMissionForm],
  ["POST", "/private/missions/new", submitNewMission],
  ["GET", "/private/missions/:slug/edit", editMissionForm],
  ["POST", "/private/missions/:slug/edit", saveMission],
  ["GET", "/private/missions/:slug/propose", proposalForm],
  ["POST", "/private/missions/:slug/propose", sendProposal],
]);
