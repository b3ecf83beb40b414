import { eq } from "drizzle-orm";
import { meetingSessions } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { resolveSessionTimes } from "../../domain/meeting-sessions.js";
import type { Actor } from "../../http/actor.js";
import { invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import type { MeetingDetail } from "./meetings.queries.js";
import { loadManagedMeeting } from "./meetings.service.js";
import { findSession } from "./sessions.queries.js";
import { sessionInput } from "./sessions.schemas.js";

/** Loads a session of a meeting the actor manages. */
export async function loadManagedSession(deps: Deps, actor: Actor, slug: string, id: number) {
  const m = await loadManagedMeeting(deps, actor, slug);
  const session = await findSession(deps.db, m.id, id);
  if (!session) throw notFound("The session");
  return { m, session };
}

/** Parses a session and resolves its times against the meeting's days and zone. */
function toColumns(m: MeetingDetail, raw: unknown) {
  if (m.precision === "month" || m.precision === "year")
    throw invalid({ start: "Enter the meeting's exact dates before adding its sessions." });
  const input = parseInput(sessionInput, raw);
  const resolved = resolveSessionTimes(input, m);
  if (!resolved.ok) throw invalid(resolved.errors);
  return {
    title: input.title,
    startsAt: resolved.times.startsAt,
    endsAt: resolved.times.endsAt,
    place: input.place,
    description: input.description,
  };
}

/** Adds a session to a meeting's programme (the secretariat; a chair for their group's meetings). */
export async function createMeetingSession(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const m = await loadManagedMeeting(deps, actor, slug);
  const columns = toColumns(m, raw);
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(meetingSessions)
      .values({ ...columns, meetingId: m.id })
      .returning();
    await audit({
      action: "meeting.session.add",
      subjectType: "meeting",
      subjectId: m.id,
      summary: `Added session "${row!.title}" to ${m.title}`,
      details: { after: row },
    });
    return row!;
  });
}

/** Changes a session. */
export async function updateSession(deps: Deps, actor: Actor, slug: string, id: number, raw: unknown) {
  const { m, session } = await loadManagedSession(deps, actor, slug, id);
  const columns = toColumns(m, raw);
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .update(meetingSessions)
      .set({ ...columns, updatedAt: deps.now() })
      .where(eq(meetingSessions.id, session.id))
      .returning();
    await audit({
      action: "meeting.session.update",
      subjectType: "meeting",
      subjectId: m.id,
      summary: `Changed session "${row!.title}" of ${m.title}`,
      details: { before: session, after: row },
    });
    return row!;
  });
}

/** Removes a session from a meeting's programme. */
export async function deleteSession(deps: Deps, actor: Actor, slug: string, id: number) {
  const { m, session } = await loadManagedSession(deps, actor, slug, id);
  await write(deps, actor, async (tx, audit) => {
    await tx.delete(meetingSessions).where(eq(meetingSessions.id, session.id));
    await audit({
      action: "meeting.session.delete",
      subjectType: "meeting",
      subjectId: m.id,
      summary: `Removed session "${session.title}" from ${m.title}`,
      details: { before: session },
    });
  });
}
