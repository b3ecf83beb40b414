import { and, count, gt, lte } from "drizzle-orm";
import { meetings } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";

/** True when a meeting ended in (from, to]: the public lists then move it from upcoming to past. */
export async function meetingEndedBetween(deps: Pick<Deps, "db">, from: Date, to: Date): Promise<boolean> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(meetings)
    .where(and(gt(meetings.endsAt, from), lte(meetings.endsAt, to)));
  return row!.n > 0;
}

/**
 * Clears this instance's cached pages when a meeting ends, so the cached "Upcoming" list does not
 * keep a past meeting. Each instance watches its own clock, so the invalidation stays local.
 */
export function startMeetingClock(deps: Deps, everyMs = 60_000): () => void {
  let last = deps.now();
  const timer = setInterval(() => {
    const now = deps.now();
    meetingEndedBetween(deps, last, now)
      .then((ended) => {
        if (ended) deps.cache.invalidateLocally();
        last = now;
      })
      .catch((e) => deps.log.warn("meeting clock failed", { error: String(e) }));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
