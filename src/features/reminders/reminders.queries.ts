import { and, eq, gt, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  actionItems,
  groupChairs,
  groupMemberships,
  meetingRegistrations,
  meetings,
  people,
} from "../../db/schema/index.js";
import { liveStatuses } from "../actions/actions.schemas.js";

/** Someone a reminder goes to. */
export type Recipient = { id: number; name: string; email: string };

const recipientColumns = { id: people.id, name: people.name, email: people.email };
const DAY = 86_400_000;

/** Meetings planned in the last week that have not started: their registration has just opened. */
export function meetingsOpenForRegistration(db: Db, now: Date) {
  return db
    .select()
    .from(meetings)
    .where(and(gt(meetings.startsAt, now), gte(meetings.createdAt, new Date(now.getTime() - 7 * DAY))));
}

/** Meetings starting within the next seven days whose days are known. */
export function meetingsNextWeek(db: Db, now: Date) {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        gt(meetings.startsAt, now),
        lte(meetings.startsAt, new Date(now.getTime() + 7 * DAY)),
        inArray(meetings.precision, ["time", "day"]),
      ),
    );
}

/** Everyone active in the forum (a forum-wide meeting's audience). */
export function forumMembers(db: Db): Promise<Recipient[]> {
  return db.select(recipientColumns).from(people).where(eq(people.active, true));
}

/** The active people of the agencies currently in a group, and its chairs. */
export async function groupAudience(db: Db, groupId: number): Promise<Recipient[]> {
  const rows = await db
    .selectDistinct(recipientColumns)
    .from(people)
    .where(
      and(
        eq(people.active, true),
        sql`(${people.organisationId} in (select ${groupMemberships.organisationId} from ${groupMemberships}
          where ${groupMemberships.groupId} = ${groupId} and ${groupMemberships.leftOn} is null)
          or ${people.id} in (select ${groupChairs.personId} from ${groupChairs} where ${groupChairs.groupId} = ${groupId}))`,
      ),
    );
  return rows;
}

/** The people registered for a meeting. */
export function registeredPeople(db: Db, meetingId: number): Promise<Recipient[]> {
  return db
    .select(recipientColumns)
    .from(meetingRegistrations)
    .innerJoin(people, eq(people.id, meetingRegistrations.personId))
    .where(and(eq(meetingRegistrations.meetingId, meetingId), eq(people.active, true)));
}

/** Live actions due between today and `days` days from now (inclusive), and those already overdue. */
export async function actionsToRemind(db: Db, today: string, days: number) {
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
  const live = inArray(actionItems.status, [...liveStatuses]);
  const [dueSoon, overdue] = await Promise.all([
    db
      .select()
      .from(actionItems)
      .where(and(live, gte(actionItems.dueOn, today), lte(actionItems.dueOn, until))),
    db
      .select()
      .from(actionItems)
      .where(and(live, lt(actionItems.dueOn, today))),
  ]);
  return { dueSoon, overdue };
}

/** Who is told about an action: its owner person, or else the owning agency's focal points. */
export async function actionAudience(
  db: Db,
  a: { ownerPersonId: number | null; ownerOrganisationId: number | null },
): Promise<Recipient[]> {
  if (a.ownerPersonId !== null)
    return db
      .select(recipientColumns)
      .from(people)
      .where(and(eq(people.id, a.ownerPersonId), eq(people.active, true)));
  if (a.ownerOrganisationId === null) return [];
  return db
    .select(recipientColumns)
    .from(people)
    .where(
      and(
        eq(people.organisationId, a.ownerOrganisationId),
        eq(people.active, true),
        sql`'focal_point' = any(${people.roles})`,
      ),
    );
}
