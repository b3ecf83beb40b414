import type { Deps } from "../../deps.js";
import { readOncePerWrite } from "../../http/read-once.js";
import { cachedOrganisationByAcronym } from "../directory/organisations.cache.queries.js";
import { countMissions } from "./roadmap.queries.js";
import type { MissionFilters } from "./roadmap.schemas.js";

/**
 * How many missions the private list holds, all or one agency's (lead or partner), counted once until
 * the next write: counting reads every row, ~20–40 ms at 20,000 missions on the embedded database,
 * while the total changes only through `write()`. Kept per known agency, so what a visitor types in
 * the filter cannot grow the memo; an acronym no organisation has matches nothing (the filter
 * compares acronyms), and any other filter is counted each time.
 */
export async function cachedMissionCount(
  deps: Pick<Deps, "db" | "cache">,
  f: MissionFilters,
): Promise<number> {
  const onlyAgency = Object.entries(f).every(([k, v]) => k === "agency" || v === undefined);
  if (!onlyAgency) return countMissions(deps.db, f);
  if (!f.agency) return readOncePerWrite(deps.cache, "missions.count", () => countMissions(deps.db, {}));
  const org = await cachedOrganisationByAcronym(deps, f.agency);
  if (!org) return 0;
  return readOncePerWrite(deps.cache, `missions.count.${org.id}`, () =>
    countMissions(deps.db, { agency: org.acronym }),
  );
}
