import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { authorize, idParam, personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { historyPage } from "../../kit/revisions.js";
import { formatTimestamp } from "../../web/format.js";
import { RestoreConfirmation } from "../../web/revisions.js";
import { loadMission } from "./missions.pages.js";
import { findMissionVersion, restoreMissionRevision, valuesToRestore } from "./missions.revisions.service.js";
import { canEditMission, canReadMissions } from "./roadmap.policy.js";
import { listMissionRevisions } from "./roadmap.queries.js";
import { Differences, MissionHistory, restoreHref } from "./views/mission-history.js";

const onlyLead = "Only the lead agency's focal points and the secretariat can change it.";
const readers = personAllowedBy(canReadMissions);

/** The mission the address names, if the person may change it. */
async function editableMission(c: AppContext) {
  const actor = requirePerson(c);
  const m = await loadMission(c);
  authorize(canEditMission(actor, m), onlyLead);
  return { actor, m };
}

async function missionHistory(c: AppContext) {
  const actor = readers(c);
  const m = await loadMission(c);
  const history = await listMissionRevisions(c.var.deps.db, m.id, historyPage(c.req.query("page")));
  const mayRestore = canEditMission(actor, m);
  return renderPrivate(c, {
    title: `History: ${m.name}`,
    body: () => (
      <MissionHistory
        m={m}
        history={history}
        mayRestore={mayRestore}
        restored={c.req.query("done") === "restored"}
      />
    ),
  });
}

async function confirmRestore(c: AppContext) {
  const { actor, m } = await editableMission(c);
  const version = await findMissionVersion(c.var.deps.db, m, idParam(c.req.param("revision")));
  if (!version) throw notFound("This version of the mission");
  const when = formatTimestamp(version.revision.at);
  return renderPrivate(c, {
    title: `Restore a version of ${m.name}`,
    body: () => (
      <RestoreConfirmation
        lead={`The mission's values as the change of ${when} by ${version.revision.actorName} left them become its values again. It is saved as a new change: the current values stay in the history and can be restored in turn.`}
        action={restoreHref(m.slug, version.revision.id)}
        csrf={c.var.csrfToken()}
        back={`/private/missions/${m.slug}/history`}
        backLabel="Keep the current values"
      >
        <Differences m={m} values={valuesToRestore(actor, m, version)} />
      </RestoreConfirmation>
    ),
  });
}

async function restoreVersion(c: AppContext) {
  const { actor, m } = await editableMission(c);
  await restoreMissionRevision(c.var.deps, actor, m.slug, idParam(c.req.param("revision")));
  return c.redirect(`/private/missions/${m.slug}/history?done=restored`, 303);
}

/** A mission's history for signed-in people (who and which agency), and restoring a version of it. */
export const missionHistoryPages = pageGroup([
  ["GET", "/private/missions/:slug/history", missionHistory],
  ["GET", "/private/missions/:slug/revisions/:revision/restore", confirmRestore],
  ["POST", "/private/missions/:slug/revisions/:revision/restore", restoreVersion],
]);
