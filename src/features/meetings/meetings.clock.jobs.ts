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
