import type { Deps } from "../../deps.js";
import { readOncePerWrite } from "../../http/read-once.js";
import { listOrganisations, type Organisation } from "./directory.queries.js";

/** Every organisation, as `listOrganisations` orders them, read once until the next write. */
export function cachedOrganisations(deps: Pick<Deps, "db" | "cache">): Promise<readonly Organisation[]> {
  return readOncePerWrite(deps.cache, "organisations", async () => listOrganisations(deps.db));
}

/** One organisation by acronym (any case), from the cached list: no statement on most requests. */
export async function cachedOrganisationByAcronym(
  deps: Pick<Deps, "db" | "cache">,
  acronym: string,
): Promise<Organisation | undefined> {
  const lower = acronym.toLowerCase();
  return (await cachedOrganisations(deps)).find((o) => o.acronym.toLowerCase() === lower);
}
