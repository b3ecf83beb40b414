import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { CsrfField, EmptyState, Notice, PageHeader, TableScroll } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import type { Person } from "../auth/actor.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { listObjectiveChoices } from "../ger/ger.queries.js";
import {
  canAddMission,
  canChooseMissionLead,
  canEditMission,
  canProposeMissionChange,
  canReadMissions,
} from "./roadmap.policy.js";
import { findMissionBySlug, listMissions, listProposals, type Mission } from "./roadmap.queries.js";
import { parseFilters } from "./roadmap.schemas.js";
import {
  acceptProposal,
  addMission,
  declineProposal,
  missionValues,
  proposeMissionChange,
  updateMission,
} from "./roadmap.service.js";
import { type FormValues, formValuesOf, MissionForm } from "./views/mission-form.js";
import { MissionTable } from "./views/mission-table.js";

const notices: Record<string, string> = {
  added: "The mission was added.",
  saved: "Your changes were saved; the public roadmap shows them now.",
  proposed: "Your proposal was sent to the lead agency.",
  accepted: "The proposal was accepted and applied.",
  declined: "The proposal was declined.",
};

async function loadMission(c: AppContext) {
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
    const list = await listMissions(c.var.deps.db, parseFilters({ agency }));
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
          {list.length ? (
            <MissionTable
              missions={list}
              caption={agency ? `Missions of ${agency} (lead or partner)` : "All missions"}
              extra={(m) => <Actions actor={actor} m={m} />}
            />
          ) : (
            <EmptyState title="No missions match." />
          )}
        </>
      ),
    });
  });

  const formPage = (
    c: AppContext,
    page: { title: string; action: string; submit: string; lead: string; proposal?: boolean },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) =>
    renderPrivate(c, {
      title: page.title,
      body: async () => {
        const [agencies, objectives] = await Promise.all([
          listOrganisations(c.var.deps.db),
          listObjectiveChoices(c.var.deps.db),
        ]);
        return (
          <>
            <PageHeader title={page.title} />
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
      async (body) => `/private/missions?done=added&slug=${(await addMission(c.var.deps, actor, body)).slug}`,
      (body, errors, message) => formPage(c, newPage(actor), body, errors, message),
    );
  });

  const editPage = (m: Mission) => ({
    title: `Edit ${m.name}`,
    action: `/private/missions/${m.slug}/edit`,
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
