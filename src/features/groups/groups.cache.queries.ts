import type { Deps } from "../../deps.js";
import { readOncePerWrite } from "../../http/read-once.js";
import { type Group, listGroups } from "./groups.queries.js";

/** Every group, as `listGroups` orders them, read once until the next write. */
export function cachedGroups(deps: Pick<Deps, "db" | "cache">): Promise<readonly Group[]> {
  return readOncePerWrite(deps.cache, "groups", () => listGroups(deps.db));
}
