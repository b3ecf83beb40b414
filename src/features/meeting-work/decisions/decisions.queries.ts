import { asc, eq } from "drizzle-orm";
import { meetingDecisions } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";

export type Decision = typeof meetingDecisions.$inferSelect;

/** A meeting's decisions in number order. */
export function listDecisions(deps: Pick<Deps, "db">, meetingId: number): Promise<Decision[]> {
  return deps.db
    .select()
    .from(meetingDecisions)
    .where(eq(meetingDecisions.meetingId, meetingId))
    .orderBy(asc(meetingDecisions.number));
}

/** One decision by id (for instance to endorse a consensus product), or undefined. */
export async function findDecision(deps: Pick<Deps, "db">, id: number): Promise<Decision | undefined> {
  const [row] = await deps.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, id));
  return row;
}
