import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import type { FormValues } from "../../kit/forms.js";
import { CsrfField, EmptyState, Notice, PageHeader, TableScroll } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { missionNotices as notices } from "./missions.notices.pages.js";
import { canChooseMissionLead, canReadMissions } from "./roadmap.policy.js";
import { missionValues } from "./roadmap.presenter.js";
import { findMissionBySlug, listProposals } from "./roadmap.queries.js";
import { acceptProposal, declineProposal } from "./roadmap.service.js";
import { formValuesOf } from "./views/mission-form.js";

/** The lead agency's (or the secretariat's) inbox of open proposals, and accepting or declining one. */
export function missionProposalPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/missions/proposals", async (c) => {
    const actor = requirePerson(c);
    authorize(canReadMissions(actor));
    const secretariat = canChooseMissionLead(actor);
    const rows = await listProposals(c.var.deps.db, {
      leadOrganisationId: secretariat ? null : (actor.organisationId ?? -1),
      status: "open",
    });
    const current = new Map<number, FormValues>();
    for (const { proposal, missionSlug } of rows) {
      const m = await findMissionBySlug(c.var.deps.db, missionSlug);
      if (m) current.set(proposal.missionId, formValuesOf(missionValues(m)));
    }
    return renderPrivate(c, {
      title: "Proposals",
      body: () => <ProposalsInbox c={c} rows={rows} secretariat={secretariat} current={current} />,
    });
  });

  for (const decision of ["accept", "decline"] as const) {
    app.post(`/private/missions/proposals/:id/${decision}`, async (c) => {
      const actor = requirePerson(c);
      const id = idParam(c.req.param("id"));
      if (decision === "accept") await acceptProposal(c.var.deps, actor, id);
      else await declineProposal(c.var.deps, actor, id);
      return c.redirect(
        `/private/missions/proposals?done=${decision === "accept" ? "accepted" : "declined"}`,
        303,
      );
    });
  }

  return app;
}

type ProposalRow = Awaited<ReturnType<typeof listProposals>>[number];

function ProposalsInbox(props: {
  c: AppContext;
  rows: ProposalRow[];
  secretariat: boolean;
  current: Map<number, FormValues>;
}) {
  const { c, rows, secretariat, current } = props;
  return (
    <>
      <PageHeader
        title="Proposals inbox"
        lead={
          secretariat
            ? "Open proposals from partner agencies on every mission."
            : "Open proposals from partner agencies on the missions your agency leads."
        }
      />
      <Notice text={notices[c.req.query("done") ?? ""]} />
      {rows.length === 0 ? (
        <EmptyState title="No open proposals." />
      ) : (
        <TableScroll label="Open proposals">
          <table>
            <caption>Open proposals</caption>
            <thead>
              <tr>
                <th scope="col">Mission</th>
                <th scope="col">From</th>
                <th scope="col">Proposed changes</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ proposal: p, missionName, missionSlug }) => (
                <tr>
                  <th scope="row">
                    <a href={`/roadmap/missions/${missionSlug}`}>{missionName}</a>
                  </th>
                  <td>
                    {p.proposedByName}
                    {p.agencyAcronym ? ` (${p.agencyAcronym})` : ""}
                    <div class="small muted">{formatTimestamp(p.createdAt)}</div>
                  </td>
                  <td>
                    {p.note ? <p>{p.note}</p> : null}
                    <ProposedValues proposed={p.proposed} current={current.get(p.missionId)} />
                  </td>
                  <td>
                    <div class="form-actions">
                      <form method="post" action={`/private/missions/proposals/${p.id}/accept`}>
                        <CsrfField token={c.var.csrfToken()} />
                        <button type="submit" class="button">
                          Accept<span class="visually-hidden"> the proposal for {missionName}</span>
                        </button>
                      </form>
                      <form method="post" action={`/private/missions/proposals/${p.id}/decline`}>
                        <CsrfField token={c.var.csrfToken()} />
                        <button type="submit" class="button button-quiet">
                          Decline<span class="visually-hidden"> the proposal for {missionName}</span>
                        </button>
                      </form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

const asText = (v: unknown) =>
  v === true || v === "on" || v === "true"
    ? "yes"
    : v === false || v == null || v === "false"
      ? ""
      : [v].flat().map(String).join("\n").trim();

/** The fields whose proposed value differs from the mission's current one, before → after. */
function ProposedValues({ proposed, current }: { proposed: Record<string, unknown>; current?: FormValues }) {
  const keys = [...new Set([...Object.keys(proposed), ...Object.keys(current ?? {})])].filter(
    (k) => !["lead", "leadOther", "slug"].includes(k),
  );
  const changed = keys.filter((k) => asText(proposed[k]) !== asText(current?.[k]));
  if (changed.length === 0) return <p class="muted">No field differs from the current record.</p>;
  return (
    <dl class="details small">
      {changed.map((k) => (
        <>
          <dt>{k}</dt>
          <dd>
            <del>{asText(current?.[k]) || "(empty)"}</del> → <ins>{asText(proposed[k]) || "(empty)"}</ins>
          </dd>
        </>
      ))}
    </dl>
  );
}
