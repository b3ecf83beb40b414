import { aliasedTable, and, asc, count, desc, eq, exists, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  type ActionStatus,
  actionEvents,
  actionItems,
  meetings,
  organisations,
  people,
  workingGroups,
} from "../../db/schema/index.js";
import { chairPersonIds } from "../groups/groups.queries.js";
import { liveStatuses } from "./actions.schemas.js";

export const ACTIONS_PER_PAGE = 25;

const ownerOrg = aliasedTable(organisations, "owner_org");
const personOrg = aliasedTable(organisations, "person_org");

/** An action as lists show it. */
export type ActionRow = typeof actionItems.$inferSelect & {
  ownerAcronym: string | null;
  ownerPersonName: string | null;
  ownerPersonAgency: string | null;
  groupSlug: string | null;
  groupName: string | null;
  meetingSlug: string | null;
  meetingTitle: string | null;
};

/** The register's filters after names were resolved to ids. */
export type ResolvedFilters = {
  statuses: ActionStatus[] | null;
  organisationId: number | null;
  groupId: number | null;
  meetingId: number | null;
  /** "Mine": owned by this person, or by their agency when they are its focal point. */
  mine: { personId: number; organisationId: number | null } | null;
};

function selectActions(db: Db) {
  return db
    .select({
      action: actionItems,
      ownerAcronym: ownerOrg.acronym,
      ownerPersonName: people.name,
      ownerPersonAgency: personOrg.acronym,
      groupSlug: workingGroups.slug,
      groupName: workingGroups.name,
      meetingSlug: meetings.slug,
      meetingTitle: meetings.title,
    })
    .from(actionItems)
    .leftJoin(ownerOrg, eq(ownerOrg.id, actionItems.ownerOrganisationId))
    .leftJoin(people, eq(people.id, actionItems.ownerPersonId))
    .leftJoin(personOrg, eq(personOrg.id, people.organisationId))
    .leftJoin(workingGroups, eq(workingGroups.id, actionItems.groupId))
    .leftJoin(meetings, eq(meetings.id, actionItems.raisedInMeetingId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectActions>["execute"]>>[number];
const flatten = ({ action, ...rest }: Selected): ActionRow => ({ ...action, ...rest });

/** Owned by the agency: the agency itself, or a person of that agency. */
const ownedByAgency = (organisationId: number) =>
  or(
    eq(actionItems.ownerOrganisationId, organisationId),
    sql`${actionItems.ownerPersonId} in (select ${people.id} from ${people} where ${people.organisationId} = ${organisationId})`,
  );

function whereOf(db: Db, f: ResolvedFilters): SQL | undefined {
  const reviewedAt = (meetingId: number) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(actionEvents)
        .where(and(eq(actionEvents.actionId, actionItems.id), eq(actionEvents.meetingId, meetingId))),
    );
  return and(
    f.statuses ? inArray(actionItems.status, f.statuses) : undefined,
    f.organisationId !== null ? ownedByAgency(f.organisationId) : undefined,
    f.groupId !== null ? eq(actionItems.groupId, f.groupId) : undefined,
    f.meetingId !== null
      ? or(eq(actionItems.raisedInMeetingId, f.meetingId), reviewedAt(f.meetingId))
      : undefined,
    f.mine
      ? or(
          eq(actionItems.ownerPersonId, f.mine.personId),
          f.mine.organisationId !== null
            ? eq(actionItems.ownerOrganisationId, f.mine.organisationId)
            : undefined,
        )
      : undefined,
  );
}

/** One page of the register: live actions first, soonest due first. */
export async function listActions(db: Db, f: ResolvedFilters, page: number, perPage = ACTIONS_PER_PAGE) {
  const where = whereOf(db, f);
  const live = sql`${actionItems.status} in (${sql.join(
    liveStatuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  const [rows, [total]] = await Promise.all([
    selectActions(db)
      .where(where)
      .orderBy(desc(live), asc(actionItems.dueOn), asc(actionItems.number))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: count() }).from(actionItems).where(where),
  ]);
  return { rows: rows.map(flatten), total: total!.n };
}

/** An action with its group's chairs (for the policies) and its append-only history. */
export async function findActionByNumber(db: Db, number: number) {
  const [row] = await selectActions(db).where(eq(actionItems.number, number));
  if (!row) return undefined;
  const action = flatten(row);
  const [history, chairs] = await Promise.all([
    listActionEvents(db, action.id),
    action.groupId ? chairPersonIds(db, action.groupId) : Promise.resolve(null),
  ]);
  return { ...action, history, group: chairs ? { chairPersonIds: chairs } : null };
}
export type ActionDetail = NonNullable<Awaited<ReturnType<typeof findActionByNumber>>>;

/** The history of an action, oldest first. */
export function listActionEvents(db: Db, actionId: number) {
  return db
    .select({
      id: actionEvents.id,
      fromStatus: actionEvents.fromStatus,
      toStatus: actionEvents.toStatus,
      note: actionEvents.note,
      actorName: actionEvents.actorName,
      at: actionEvents.at,
      meetingSlug: meetings.slug,
      meetingTitle: meetings.title,
    })
    .from(actionEvents)
    .leftJoin(meetings, eq(meetings.id, actionEvents.meetingId))
    .where(eq(actionEvents.actionId, actionId))
    .orderBy(asc(actionEvents.at), asc(actionEvents.id));
}

/** People who may own actions: active representatives of an agency. */
export function listOwnerCandidates(db: Db) {
  return db
    .select({ id: people.id, name: people.name, agency: organisations.acronym })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.active, true))
    .orderBy(asc(organisations.acronym), asc(people.name));
}

/** Recent and coming meetings to pick "raised in" or "reviewed at" from, newest first. */
export function listMeetingChoices(db: Db, limit = 60) {
  return db
    .select({
      slug: meetings.slug,
      title: meetings.title,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
      groupId: meetings.groupId,
    })
    .from(meetings)
    .orderBy(desc(meetings.startsAt))
    .limit(limit);
}
