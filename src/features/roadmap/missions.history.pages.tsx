import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { authorize, idParam, personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { changedFields, historyPage, numberFromFirst } from "../../kit/revisions.js";
import { Notice, PageHeader, TableScroll } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { RestoreConfirmation, RevisionHistory } from "../../web/revisions.js";
import { loadMission } from "./missions.pages.js";
import { findMissionVersion, restoreMissionRevision, valuesToRestore } from "./missions.revisions.service.js";
import { canEditMission, canReadMissions } from "./roadmap.policy.js";
import { type MissionValues, missionValues } from "./roadmap.presenter.js";
import { listMissionRevisions, type Mission } from "./roadmap.queries.js";
import { destinationLabels, missionFieldLabel, statusLabels } from "./roadmap.schemas.js";

const onlyLead = "Only the lead agency's focal points and the secretariat can change it.";
const readers = personAllowedBy(canReadMissions);

/** Where the confirmation for restoring one version of a mission lives. */
const restoreHref = (slug: string, id: number) => `/private/missions/${slug}/revisions/${id}/restore`;

/** A mission's history for signed-in people (who and which agency), and restoring a version of it. */
export function missionHistoryPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/missions/:slug/history", async (c) => {
    const actor = readers(c);
    const m = await loadMission(c);
    const history = await listMissionRevisions(c.var.deps.db, m.id, historyPage(c.req.query("page")));
    const mayRestore = canEditMission(actor, m);
    return renderPrivate(c, {
      title: `History: ${m.name}`,
      body: () => (
        <>
          <PageHeader
            title="History of changes"
            lead={m.name}
            actions={<a href={`/roadmap/missions/${m.slug}`}>The mission's public page</a>}
          />
          <Notice
            text={
              c.req.query("done") === "restored" ? "The version was restored as a new version." : undefined
            }
          />
          <RevisionHistory
            rows={history.rows.map((r, i) => ({
              number: numberFromFirst(history, i),
              at: r.at,
              by: r.agencyAcronym ? `${r.actorName} (${r.agencyAcronym})` : r.actorName,
              title: r.summary,
              restoreHref: mayRestore ? restoreHref(m.slug, r.id) : undefined,
            }))}
            titleHeading="What changed"
            page={history.page}
            pages={history.pages}
            href={(n) => `/private/missions/${m.slug}/history?page=${n}`}
            empty="No recorded changes."
          />
        </>
      ),
    });
  });

  app.get("/private/missions/:slug/revisions/:revision/restore", async (c) => {
    const actor = requirePerson(c);
    const m = await loadMission(c);
    authorize(canEditMission(actor, m), onlyLead);
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
  });

  app.post("/private/missions/:slug/revisions/:revision/restore", async (c) => {
    const actor = requirePerson(c);
    const m = await loadMission(c);
    authorize(canEditMission(actor, m), onlyLead);
    await restoreMissionRevision(c.var.deps, actor, m.slug, idParam(c.req.param("revision")));
    return c.redirect(`/private/missions/${m.slug}/history?done=restored`, 303);
  });

  return app;
}

/** A value as people read it: labels for stored codes, lists joined, "—" for nothing. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join("; ") : "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (field === "status") return statusLabels[value as keyof typeof statusLabels] ?? String(value);
  if (field === "destination")
    return destinationLabels[value as keyof typeof destinationLabels] ?? String(value);
  return String(value);
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What restoring the version changes: each differing field, now and after the restore. */
function Differences({ m, values }: { m: Mission; values: MissionValues }) {
  const now = missionValues(m);
  const fields = changedFields(now, values);
  if (fields.length === 0) return <p class="muted">This version has the mission's current values.</p>;
  return (
    <TableScroll label="What the restore changes">
      <table>
        <caption>What the restore changes</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Now</th>
            <th scope="col">After restoring</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr>
              <th scope="row">{capitalised(missionFieldLabel(f))}</th>
              <td>{shown(f, now[f])}</td>
              <td>{shown(f, values[f])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
