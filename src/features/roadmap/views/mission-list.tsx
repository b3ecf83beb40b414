import type { Person } from "../../../http/actor.js";
import { EmptyState, Notice, PageHeader, Pagination } from "../../../web/components.js";
import { canEditMission, canProposeMissionChange } from "../roadmap.policy.js";
import type { Mission } from "../roadmap.queries.js";
import { MissionTable } from "./mission-table.js";

/** The private missions list at a page, keeping the agency filter. */
export const missionsHref = (agency: string, page: number) => {
  const q = new URLSearchParams();
  if (agency) q.set("agency", agency);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/private/missions?${s}` : "/private/missions";
};

/** The private list of missions: filtered by agency, with what the person may do to each. */
export function MissionList(p: {
  actor: Person;
  canAdd: boolean;
  notice: string | undefined;
  agency: string;
  missions: Mission[];
  total: number;
  page: number;
  pages: number;
  perPage: number;
}) {
  const own = p.actor.organisationAcronym;
  return (
    <>
      <PageHeader
        title="Missions"
        lead="Each agency keeps its own missions; the public roadmap is compiled from them."
        actions={
          p.canAdd ? (
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
      <Notice text={p.notice} />
      <form method="get" action="/private/missions" class="filters" aria-label="Filter missions">
        <label>
          Agency (acronym)
          <input name="agency" value={p.agency} />
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
        {p.total === 1 ? "1 mission" : `${p.total} missions`}
        {p.pages > 1 ? `, ${p.perPage} a page` : ""}.
      </p>
      {p.missions.length ? (
        <MissionTable
          missions={p.missions}
          caption={p.agency ? `Missions of ${p.agency} (lead or partner)` : "All missions"}
          extra={(m) => <Actions actor={p.actor} m={m} />}
        />
      ) : (
        <EmptyState title="No missions match." />
      )}
      <Pagination page={p.page} pages={p.pages} href={(n) => missionsHref(p.agency, n)} />
    </>
  );
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
