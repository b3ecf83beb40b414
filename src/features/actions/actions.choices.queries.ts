import type { Deps } from "../../deps.js";
import { localStartDay } from "../../domain/time-zones.js";
import { cachedOrganisations } from "../directory/organisations.cache.queries.js";
import { cachedGroups } from "../groups/groups.cache.queries.js";
import { listMeetingChoices, listOwnerCandidates } from "./actions.queries.js";

/**
 * The options of the register's filters and forms: agencies, people, groups and meetings. The
 * agencies and groups come from memory until the next write.
 */
export async function actionChoices(deps: Pick<Deps, "db" | "cache">) {
  const [orgs, candidates, groups, meetings] = await Promise.all([
    cachedOrganisations(deps),
    listOwnerCandidates(deps.db),
    cachedGroups(deps),
    listMeetingChoices(deps.db),
  ]);
  return {
    agencies: orgs
      .filter((o) => !o.leftOn)
      .map((o) => ({ value: o.acronym, label: `${o.acronym} · ${o.name}` })),
    people: candidates.map((x) => ({ value: String(x.id), label: `${x.name} (${x.agency})` })),
    groups: groups.map((g) => ({ value: g.slug, label: g.acronym ? `${g.acronym} · ${g.name}` : g.name })),
    meetings: meetings.map((m) => ({
      value: m.slug,
      label: `${localStartDay(m)} · ${m.title}`,
    })),
  };
}
