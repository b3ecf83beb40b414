import { and, eq, sql } from "drizzle-orm";
import { meetingDecisions } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { decisionInput } from "../meeting-work.schemas.js";
import { loadManagedMeetingWork } from "../meeting-work.service.js";

/** "D3": how a decision is cited within its meeting. */
export const decisionLabel = (d: { number: number }) => `D${d.number}`;

async function findByNumber(deps: Deps, meetingId: number, number: number) {
  const [row] = await deps.db
    .select()
    .from(meetingDecisions)
    .where(and(eq(meetingDecisions.meetingId, meetingId), eq(meetingDecisions.number, number)));
  return row;
}

/** Loads a decision of a managed meeting by its number. */
export async function loadManagedDecision(deps: Deps, actor: Actor, slug: string, number: number) {
  const m = await loadManagedMeetingWork(deps, actor, slug);
  const d = await findByNumber(deps, m.id, number);
  if (!d) throw notFound("The decision");
  return { m, d };
}

/** Records a decision under the meeting's next number. */
export async function createDecision(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const m = await loadManagedMeetingWork(deps, actor, slug);
  const { text } = parseInput(decisionInput, raw);
  return write(deps, actor, async (tx, audit) => {
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${meetingDecisions.number}), 0)::int + 1` })
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, m.id))) as [{ next: number }];
    const [row] = await tx
      .insert(meetingDecisions)
      .values({ meetingId: m.id, number: next, text })
      .returning();
    await audit({
      action: "decision.add",
      subjectType: "meeting",
      subjectId: m.id,
      summary: `Recorded decision D${next} of ${m.title}`,
    });
    return row!;
  });
}

/** Changes a decision's text; its number stays. */
export async function updateDecision(deps: Deps, actor: Actor, slug: string, number: number, raw: unknown) {
  const { m, d } = await loadManagedDecision(deps, actor, slug, number);
  const { text } = parseInput(decisionInput, raw);
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .update(meetingDecisions)
      .set({ text })
      .where(eq(meetingDecisions.id, d.id))
      .returning();
    await audit({
      action: "decision.update",
      subjectType: "meeting",
      subjectId: m.id,
      summary: `Changed decision D${number} of ${m.title}`,
      details: { before: d.text, after: text },
    });
    return row!;
  });
}
