import type { Deps } from "../../deps.js";
import { readOncePerWrite } from "../../http/read-once.js";
import { countMeetings } from "./meetings.queries.js";

/**
 * How many meetings there are, counted once until the next write: counting reads every row (~13 ms at
 * 2,000 meetings on the embedded database), while meetings are planned only through `write()`.
 */
export function cachedMeetingCount(deps: Pick<Deps, "db" | "cache">): Promise<number> {
  return readOncePerWrite(deps.cache, "meetings.count", () => countMeetings(deps.db));
}
