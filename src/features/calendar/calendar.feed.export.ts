import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { groupChairs, groupMemberships } from "../../db/schema/index.js";
import { buildCalendar } from "../../domain/icalendar.js";
import { meetingEvents } from "../meetings/meetings.calendar.export.js";
import { listAllMeetings } from "../meetings/meetings.queries.js";
import { sessionsByMeeting } from "../meetings/sessions.queries.js";
import { type FeedOwner, feedIncludesMeeting } from "./calendar.policy.js";

async function groupsOf(db: Db, owner: FeedOwner) {
  const [agency, chaired] = await Promise.all([
    owner.organisationId === null
      ? Promise.resolve([])
      : db
          .select({ id: groupMemberships.groupId })
          .from(groupMemberships)
          .where(
            and(eq(groupMemberships.organisationId, owner.organisationId), isNull(groupMemberships.leftOn)),
          ),
    db.select({ id: groupChairs.groupId }).from(groupChairs).where(eq(groupChairs.personId, owner.id)),
  ]);
  return { agency: new Set(agency.map((r) => r.id)), chaired: new Set(chaired.map((r) => r.id)) };
}

/**
 * A person's private calendar: the meetings they may see, private ones included, with the video
 * link in the description (the feed's address is the secret that protects it).
 */
export async function personalCalendar(db: Db, owner: FeedOwner, baseUrl: string): Promise<string> {
  const [meetings, groups] = await Promise.all([listAllMeetings(db, true, 2000), groupsOf(db, owner)]);
  const host = new URL(baseUrl).hostname || "localhost";
  const included = meetings.filter((m) => feedIncludesMeeting(owner, m, groups.agency, groups.chaired));
  const sessions = await sessionsByMeeting(
    db,
    included.map((m) => m.id),
  );
  const events = included.flatMap((m) => {
    const video = m.videoUrl ? `\nVideo link (members only): ${m.videoUrl}` : "";
    return meetingEvents(m, sessions.get(m.id) ?? [], baseUrl, host).map((e) => ({
      ...e,
      description: `${e.description ?? ""}${video}`,
    }));
  });
  return buildCalendar(
    { name: "My forum meetings", prodId: "-//Coordination platform//Personal calendar//EN" },
    events,
  );
}
