import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  groupChairs,
  groupMemberships,
  organisations,
  people,
  workingGroups,
} from "../../db/schema/index.js";

export type Group = typeof workingGroups.$inferSelect;
export type Membership = typeof groupMemberships.$inferSelect & {
  acronym: string;
  slug: string;
  name: string;
};
export type Chair = {
  id: number;
  personId: number | null;
  label: string | null;
  uncertain: boolean;
  personName: string | null;
  personAgency: string | null;
};
export type GroupDetail = Group & { memberships: Membership[]; chairs: Chair[]; chairPersonIds: number[] };

/** Every group: current ones first (working groups, then teams), then the ended ones, by name. */
export function listGroups(db: Db): Promise<Group[]> {
  return db
    .select()
    .from(workingGroups)
    .orderBy(
      sql`${workingGroups.endedOn} is not null`,
      sql`${workingGroups.kind} <> 'working_group'`,
      asc(sql`lower(${workingGroups.name})`),
    );
}

/** Number of agencies currently taking part, per group id. */
export async function currentMemberCounts(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .select({ groupId: groupMemberships.groupId, n: sql<number>`count(*)::int` })
    .from(groupMemberships)
    .where(isNull(groupMemberships.leftOn))
    .groupBy(groupMemberships.groupId);
  return new Map(rows.map((r) => [r.groupId, r.n]));
}

/** Chairs of a group, people with their agency. */
export function listChairs(db: Db, groupId: number): Promise<Chair[]> {
  return db
    .select({
      id: groupChairs.id,
      personId: groupChairs.personId,
      label: groupChairs.label,
      uncertain: groupChairs.uncertain,
      personName: people.name,
      personAgency: organisations.acronym,
    })
    .from(groupChairs)
    .leftJoin(people, eq(people.id, groupChairs.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(groupChairs.groupId, groupId))
    .orderBy(asc(groupChairs.id));
}

/** The ids of the people chairing a group (what `canManageGroup` needs). */
export async function chairPersonIds(db: Db, groupId: number): Promise<number[]> {
  const rows = await db
    .select({ personId: groupChairs.personId })
    .from(groupChairs)
    .where(eq(groupChairs.groupId, groupId));
  return rows.flatMap((r) => (r.personId === null ? [] : [r.personId]));
}

/** Membership history of a group: current members first, then former, by acronym. */
export function listMemberships(db: Db, groupId: number): Promise<Membership[]> {
  return db
    .select({
      id: groupMemberships.id,
      groupId: groupMemberships.groupId,
      organisationId: groupMemberships.organisationId,
      joinedOn: groupMemberships.joinedOn,
      leftOn: groupMemberships.leftOn,
      uncertain: groupMemberships.uncertain,
      note: groupMemberships.note,
      acronym: organisations.acronym,
      slug: organisations.slug,
      name: organisations.name,
    })
    .from(groupMemberships)
    .innerJoin(organisations, eq(organisations.id, groupMemberships.organisationId))
    .where(eq(groupMemberships.groupId, groupId))
    .orderBy(
      sql`${groupMemberships.leftOn} is not null`,
      asc(sql`lower(${organisations.acronym})`),
      asc(groupMemberships.joinedOn),
    );
}

/** One group with its members (history included) and chairs. */
export async function findGroupBySlug(db: Db, slug: string): Promise<GroupDetail | undefined> {
  const [group] = await db.select().from(workingGroups).where(eq(workingGroups.slug, slug.toLowerCase()));
  if (!group) return undefined;
  const [memberships, chairs] = await Promise.all([listMemberships(db, group.id), listChairs(db, group.id)]);
  return {
    ...group,
    memberships,
    chairs,
    chairPersonIds: chairs.flatMap((c) => (c.personId ? [c.personId] : [])),
  };
}

/** The groups an agency currently takes part in. */
export function listCurrentGroupsOfAgency(db: Db, organisationId: number) {
  return db
    .select({
      slug: workingGroups.slug,
      name: workingGroups.name,
      acronym: workingGroups.acronym,
      kind: workingGroups.kind,
    })
    .from(groupMemberships)
    .innerJoin(workingGroups, eq(workingGroups.id, groupMemberships.groupId))
    .where(
      and(
        eq(groupMemberships.organisationId, organisationId),
        isNull(groupMemberships.leftOn),
        isNull(workingGroups.endedOn),
      ),
    )
    .orderBy(asc(sql`lower(${workingGroups.name})`));
}

/** Groups by id (for labelling meetings). */
export function groupsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([] as Group[]);
  return db.select().from(workingGroups).where(inArray(workingGroups.id, ids));
}

/** People who hold the chair role (candidates for chairing a group). */
export function listChairCandidates(db: Db) {
  return db
    .select({ id: people.id, name: people.name, agency: organisations.acronym })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(sql`'chair' = any(${people.roles})`, eq(people.active, true)))
    .orderBy(asc(people.name));
}
