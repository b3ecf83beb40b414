import type { AppContext } from "../../http/env.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { missionNotices as notices } from "./missions.notices.pages.js";
import { canChooseMissionLead, canReadMissions } from "./roadmap.policy.js";
import { missionValues } from "./roadmap.presenter.js";
import { listMissionsById, listProposals } from "./roadmap.queries.js";
import { acceptProposal, declineProposal } from "./roadmap.service.js";
import { formValuesOf } from "./views/mission-form.js";
import { ProposalsInbox } from "./views/proposals-inbox.js";

async function proposalsInbox(c: AppContext) {
  const actor = requirePerson(c);
  authorize(canReadMissions(actor));
  const secretariat = canChooseMissionLead(actor);
  const rows = await listProposals(c.var.deps.db, {
    leadOrganisationId: secretariat ? null : (actor.organisationId ?? -1),
    status: "open",
  });
  // Each mission as it is now, to show what a proposal would change: one read for every row.
  const missions = await listMissionsById(c.var.deps.db, [...new Set(rows.map((r) => r.proposal.missionId))]);
  const current = new Map<number, FormValues>(missions.map((m) => [m.id, formValuesOf(missionValues(m))]));
  return renderPrivate(c, {
    title: "Proposals",
    body: () => (
      <ProposalsInbox
        csrf={c.var.csrfToken()}
        notice={notices[c.req.query("done") ?? ""]}
        rows={rows}
        secretariat={secretariat}
        current={current}
      />
    ),
  });
}

async function acceptMissionProposal(c: AppContext) {
  await acceptProposal(c.var.deps, requirePerson(c), idParam(c.req.param("id")));
  return c.redirect("/private/missions/proposals?done=accepted", 303);
}

async function declineMissionProposal(c: AppContext) {
  await declineProposal(c.var.deps, requirePerson(c), idParam(c.req.param("id")));
  return c.redirect("/private/missions/proposals?done=declined", 303);
}

/** The lead agency's (or the secretariat's) inbox of open proposals, and accepting or declining one. */
export const missionProposalPages = pageGroup([
  ["GET", "/private/missions/proposals", proposalsInbox],
  ["POST", "/private/missions/proposals/:id/accept", acceptMissionProposal],
  ["POST", "/private/missions/proposals/:id/decline", declineMissionProposal],
]);
