import { asc, desc, eq, gt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client.js";
import { meetingMinutes, meetings } from "../../../db/schema/index.js";

export type MinutesVersion = typeof meetingMinutes.$inferSelect & {
  approvingSlug: string | null;
  approvingTitle: string | null;
};

const approving = alias(meetings, "approving");

/** Every version of a meeting's minutes, newest first, with the meeting that approved it. */
export async function listMinutes(db: Db, meetingId: number): Promise<MinutesVersion[]> {
  const rows = await db
    .select({ v: meetingMinutes, approvingSlug: approving.slug, approvingTitle: approving.title })
    .from(meetingMinutes)
    .leftJoin(approving, eq(approving.id, meetingMinutes.approvedAtMeetingId))
    .where(eq(meetingMinutes.meetingId, meetingId))
    .orderBy(desc(meetingMinutes.version));
  return rows.map((r) => ({ ...r.v, approvingSlug: r.approvingSlug, approvingTitle: r.approvingTitle }));
}

/** Meetings that start after this one, soonest first: where its minutes can be approved. */
export function listLaterMeetings(db: Db, after: Date, limit = 100) {
  return db
    .select({
      slug: meetings.slug,
      title: meetings.title,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
    })
    .from(meetings)
    .where(gt(meetings.startsAt, after))
    .orderBy(asc(meetings.startsAt))
    .limit(limit);
}
