import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { meetingSessions } from "../../db/schema/index.js";

export type MeetingSession = typeof meetingSessions.$inferSelect;

/** A meeting's sessions in order of start. */
export function listSessions(db: Db, meetingId: number): Promise<MeetingSession[]> {
  return db
    .select()
    .from(meetingSessions)
    .where(eq(meetingSessions.meetingId, meetingId))
    .orderBy(asc(meetingSessions.startsAt), asc(meetingSessions.id));
}

/** The sessions of several meetings (for calendar files), by meeting id, each in order of start. */
export async function sessionsByMeeting(
  db: Db,
  meetingIds: number[],
): Promise<Map<number, MeetingSession[]>> {
  const byMeeting = new Map<number, MeetingSession[]>();
  if (!meetingIds.length) return byMeeting;
  const rows = await db
    .select()
    .from(meetingSessions)
    .where(inArray(meetingSessions.meetingId, meetingIds))
    .orderBy(asc(meetingSessions.startsAt), asc(meetingSessions.id));
  for (const r of rows) byMeeting.set(r.meetingId, [...(byMeeting.get(r.meetingId) ?? []), r]);
  return byMeeting;
}

/** One session of a meeting. */
export async function findSession(
  db: Db,
  meetingId: number,
  id: number,
): Promise<MeetingSession | undefined> {
  const [row] = await db
    .select()
    .from(meetingSessions)
    .where(and(eq(meetingSessions.meetingId, meetingId), eq(meetingSessions.id, id)));
  return row;
}
