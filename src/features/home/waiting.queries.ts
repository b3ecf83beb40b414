import { and, asc, eq, gt, inArray, isNull, lt, lte, ne, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  actionItems,
  groupChairs,
  groupDeliverables,
  groupMemberships,
  meetingRegistrations,
  meetings,
  missionProposals,
  missions,
  organisations,
  products,
  reviewComments,
  reviewPositions,
  reviewRoundAgencies,
  reviewRounds,
  technologies,
  technologyCapabilities,
  workingGroups,
} from "../../db/schema/index.js";

/** One thing waiting on someone: what, where to do it, since when, and by when if there is a date. */
export type WaitingItem = {
  kind:
    | "position"
    | "draft"
    | "disposition"
    | "action"
    | "proposal"
    | "meeting"
    | "stale"
    | "round_closing"
    | "mail_failure"
    | "deliverable"
    | "review"
    | "inbox"
    | "facts";
  title: string;
  detail: string;
  href: string;
  since: Date;
  due: Date | null;
  overdue: boolean;
  /** No date says since when (facts to verify): the list shows no age rather than a made-up one. */
  undated?: boolean;
  /** How many things the item stands for: a line summing up what a list left out (1 when absent). */
  stands?: number;
};

/** How many of one kind the home page lists; the rest are summed up in one line. */
export const WAITING_PER_KIND = 20;

const DAY = 86_400_000;
const productPath = (slug: string, rest = "") => `/private/products/${slug}${rest}`;

/**
 * Open rounds an agency takes part in and has given no position yet, with the deadline: the oldest
 * `WAITING_PER_KIND`, each with how many there are in all (`total`). The re-confirm test runs only
 * for the rows kept, since PostgreSQL evaluates it after the sort and limit.
 */
export async function roundsWithoutPosition(db: Db, orgId: number, now: Date) {
  const answered = db
    .select({ roundId: reviewPositions.roundId })
    .from(reviewPositions)
    .where(eq(reviewPositions.organisationId, orgId));
  return db
    .select({
      slug: products.slug,
      title: products.title,
      number: reviewRounds.number,
      openedAt: reviewRounds.openedAt,
      deadline: reviewRounds.deadline,
      // Others kept their positions from the previous round and this agency had one there: its
      // commented sections changed, so it is asked to re-confirm.
      reconfirm: sql<boolean>`exists (select 1 from review_positions k
          where k.round_id = ${reviewRounds.id} and k.carried_from_round is not null)
        and exists (select 1 from review_positions o join review_rounds pr on pr.id = o.round_id
          where pr.product_id = ${reviewRounds.productId} and pr.number = ${reviewRounds.number} - 1
            and o.organisation_id = ${orgId})`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(reviewRoundAgencies)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewRoundAgencies.roundId))
    .innerJoin(products, eq(products.id, reviewRounds.productId))
    .where(
      and(
        eq(reviewRoundAgencies.organisationId, orgId),
        eq(reviewRounds.status, "open"),
        gt(reviewRounds.deadline, now),
        notInArray(reviewRounds.id, answered),
      ),
    )
    .orderBy(asc(reviewRounds.openedAt), asc(reviewRounds.id))
    .limit(WAITING_PER_KIND);
}

/** An agency's comment drafts in open rounds it has not submitted (only the author's own, or all for a focal point). */
export async function unsubmittedDrafts(db: Db, orgId: number, authorId: number | null, now: Date) {
  return db
    .select({
      slug: products.slug,
      title: products.title,
      round: reviewRounds.number,
      deadline: reviewRounds.deadline,
      oldest: sql<Date>`min(${reviewComments.createdAt})`.mapWith((v) => new Date(v)),
      count: sql<number>`count(*)::int`,
    })
    .from(reviewComments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewComments.roundId))
    .innerJoin(products, eq(products.id, reviewRounds.productId))
    .innerJoin(
      reviewRoundAgencies,
      and(
        eq(reviewRoundAgencies.roundId, reviewComments.roundId),
        eq(reviewRoundAgencies.organisationId, reviewComments.organisationId),
      ),
    )
    .where(
      and(
        eq(reviewComments.organisationId, orgId),
        authorId === null ? undefined : eq(reviewComments.authorId, authorId),
        eq(reviewComments.withdrawn, false),
        isNull(reviewRoundAgencies.commentsSubmittedAt),
        eq(reviewRounds.status, "open"),
        gt(reviewRounds.deadline, now),
      ),
    )
    .groupBy(products.slug, products.title, reviewRounds.number, reviewRounds.deadline);
}

/** Submitted comments without a disposition, per round, for products the editor may answer (all, or these ids). */
export async function dispositionsToAnswer(db: Db, productIds: number[] | "all") {
  if (productIds !== "all" && productIds.length === 0) return [];
  return db
    .select({
      slug: products.slug,
      title: products.title,
      round: reviewRounds.number,
      oldest: sql<Date>`min(${reviewRoundAgencies.commentsSubmittedAt})`.mapWith((v) => new Date(v)),
      count: sql<number>`count(*)::int`,
    })
    .from(reviewComments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewComments.roundId))
    .innerJoin(products, eq(products.id, reviewRounds.productId))
    .innerJoin(
      reviewRoundAgencies,
      and(
        eq(reviewRoundAgencies.roundId, reviewComments.roundId),
        eq(reviewRoundAgencies.organisationId, reviewComments.organisationId),
      ),
    )
    .where(
      and(
        isNull(reviewComments.disposition),
        eq(reviewComments.withdrawn, false),
        sql`${reviewRoundAgencies.commentsSubmittedAt} is not null`,
        eq(products.status, "drafting"),
        productIds === "all" ? undefined : inArray(products.id, productIds),
      ),
    )
    .groupBy(products.slug, products.title, reviewRounds.number);
}

/** Open actions owned by the person or their agency (or every agency's, for the secretariat's overdue list). */
export async function openActions(
  db: Db,
  owner: { personId: number; orgId: number | null } | "all",
  today: string,
) {
  return db
    .select({
      number: actionItems.number,
      title: actionItems.title,
      dueOn: actionItems.dueOn,
      createdAt: actionItems.createdAt,
      agency: organisations.acronym,
    })
    .from(actionItems)
    .leftJoin(organisations, eq(organisations.id, actionItems.ownerOrganisationId))
    .where(
      and(
        inArray(actionItems.status, ["open", "in_progress"]),
        owner === "all"
          ? lt(actionItems.dueOn, today)
          : owner.orgId === null
            ? eq(actionItems.ownerPersonId, owner.personId)
            : sql`(${actionItems.ownerPersonId} = ${owner.personId} or ${actionItems.ownerOrganisationId} = ${owner.orgId})`,
      ),
    )
    .orderBy(asc(actionItems.dueOn))
    .limit(100);
}

/** Partners' proposed changes to the agency's missions, waiting for it to accept or decline. */
export function openProposals(db: Db, orgId: number) {
  return db
    .select({
      id: missionProposals.id,
      mission: missions.name,
      slug: missions.slug,
      by: missionProposals.agencyAcronym,
      createdAt: missionProposals.createdAt,
    })
    .from(missionProposals)
    .innerJoin(missions, eq(missions.id, missionProposals.missionId))
    .where(and(eq(missionProposals.status, "open"), eq(missions.leadOrganisationId, orgId)))
    .orderBy(asc(missionProposals.createdAt));
}

/** Meetings within 60 days open to the person (forum-wide, or their agency's or chair's groups), not registered for. */
export function meetingsToRegister(db: Db, personId: number, orgId: number | null, now: Date) {
  const registered = db
    .select({ id: meetingRegistrations.meetingId })
    .from(meetingRegistrations)
    .where(eq(meetingRegistrations.personId, personId));
  const mine = sql`(${meetings.groupId} is null
    or ${meetings.groupId} in (select ${groupChairs.groupId} from ${groupChairs} where ${groupChairs.personId} = ${personId})
    or ${meetings.groupId} in (select ${groupMemberships.groupId} from ${groupMemberships}
      where ${groupMemberships.organisationId} = ${orgId ?? -1} and ${groupMemberships.leftOn} is null))`;
  return db
    .select({
      slug: meetings.slug,
      title: meetings.title,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
      createdAt: meetings.createdAt,
    })
    .from(meetings)
    .where(
      and(
        gt(meetings.startsAt, now),
        lte(meetings.startsAt, new Date(now.getTime() + 60 * DAY)),
        notInArray(meetings.id, registered),
        mine,
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

/** The agency's missions and capabilities not updated for twelve months. */
export async function staleRecords(db: Db, orgId: number, now: Date) {
  const before = new Date(now.getTime() - 365 * DAY);
  const [staleMissions, staleCapabilities] = await Promise.all([
    db
      .select({ slug: missions.slug, name: missions.name, updatedAt: missions.updatedAt })
      .from(missions)
      .where(
        and(
          eq(missions.leadOrganisationId, orgId),
          lt(missions.updatedAt, before),
          notInArray(missions.status, ["completed", "cancelled"]),
        ),
      )
      .orderBy(asc(missions.updatedAt))
      .limit(50),
    db
      .select({
        code: technologies.code,
        name: technologies.title,
        updatedAt: technologyCapabilities.updatedAt,
      })
      .from(technologyCapabilities)
      .innerJoin(technologies, eq(technologies.id, technologyCapabilities.technologyId))
      .where(
        and(
          eq(technologyCapabilities.organisationId, orgId),
          eq(technologyCapabilities.demo, false),
          lt(technologyCapabilities.updatedAt, before),
        ),
      )
      .orderBy(asc(technologyCapabilities.updatedAt))
      .limit(50),
  ]);
  return { staleMissions, staleCapabilities };
}

/** Open rounds closing within a week, with the agencies that have not answered (the secretariat's view). */
export async function roundsClosingSoon(db: Db, now: Date) {
  const rounds = await db
    .select({
      id: reviewRounds.id,
      slug: products.slug,
      title: products.title,
      number: reviewRounds.number,
      openedAt: reviewRounds.openedAt,
      deadline: reviewRounds.deadline,
    })
    .from(reviewRounds)
    .innerJoin(products, eq(products.id, reviewRounds.productId))
    .where(
      and(
        eq(reviewRounds.status, "open"),
        gt(reviewRounds.deadline, now),
        lte(reviewRounds.deadline, new Date(now.getTime() + 7 * DAY)),
      ),
    )
    .orderBy(asc(reviewRounds.deadline));
  if (rounds.length === 0) return [];
  const silent = await db
    .select({ roundId: reviewRoundAgencies.roundId, acronym: organisations.acronym })
    .from(reviewRoundAgencies)
    .innerJoin(organisations, eq(organisations.id, reviewRoundAgencies.organisationId))
    .where(
      and(
        inArray(
          reviewRoundAgencies.roundId,
          rounds.map((r) => r.id),
        ),
        sql`not exists (select 1 from ${reviewPositions} where ${reviewPositions.roundId} = ${reviewRoundAgencies.roundId} and ${reviewPositions.organisationId} = ${reviewRoundAgencies.organisationId})`,
      ),
    )
    .orderBy(asc(organisations.acronym));
  return rounds.map((r) => ({
    ...r,
    silent: silent.filter((s) => s.roundId === r.id).map((s) => s.acronym),
  }));
}

/** The groups a person chairs. */
export function chairedGroupIds(db: Db, personId: number) {
  return db.select({ id: groupChairs.groupId }).from(groupChairs).where(eq(groupChairs.personId, personId));
}

/** Deliverables of the chaired groups due within 30 days or overdue, not done or dropped. */
export function deliverablesDue(db: Db, groupIds: number[], now: Date) {
  if (groupIds.length === 0) return Promise.resolve([]);
  const soon = new Date(now.getTime() + 30 * DAY).toISOString().slice(0, 10);
  return db
    .select({
      title: groupDeliverables.title,
      dueOn: groupDeliverables.dueOn,
      createdAt: groupDeliverables.createdAt,
      group: workingGroups.slug,
      groupName: workingGroups.name,
    })
    .from(groupDeliverables)
    .innerJoin(workingGroups, eq(workingGroups.id, groupDeliverables.groupId))
    .where(
      and(
        inArray(groupDeliverables.groupId, groupIds),
        inArray(groupDeliverables.status, ["planned", "in_progress"]),
        lte(groupDeliverables.dueOn, soon),
      ),
    )
    .orderBy(asc(groupDeliverables.dueOn));
}

/** Drafts of the chaired groups' products in an open review round. */
export function draftsInReview(db: Db, groupIds: number[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      number: reviewRounds.number,
      openedAt: reviewRounds.openedAt,
      deadline: reviewRounds.deadline,
    })
    .from(products)
    .innerJoin(reviewRounds, and(eq(reviewRounds.productId, products.id), eq(reviewRounds.status, "open")))
    .where(and(inArray(products.leadGroupId, groupIds), ne(products.status, "published")))
    .orderBy(asc(reviewRounds.openedAt));
}

/** Ids of the drafting products led by these groups (whose comments the chair answers). */
export async function productsLedBy(db: Db, groupIds: number[]): Promise<number[]> {
  if (groupIds.length === 0) return [];
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(inArray(products.leadGroupId, groupIds), eq(products.status, "drafting")));
  return rows.map((r) => r.id);
}

export { productPath };

/** Open rounds where the agency's position waits for comments that now all have a disposition: confirm or change. */
export function positionsToConfirm(db: Db, orgId: number) {
  return db
    .select({
      slug: products.slug,
      title: products.title,
      number: reviewRounds.number,
      since: reviewPositions.createdAt,
      deadline: reviewRounds.deadline,
      dependsOn: reviewPositions.dependsOn,
    })
    .from(reviewPositions)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewPositions.roundId))
    .innerJoin(products, eq(products.id, reviewRounds.productId))
    .where(
      and(
        eq(reviewPositions.organisationId, orgId),
        eq(reviewRounds.status, "open"),
        sql`cardinality(${reviewPositions.dependsOn}) > 0`,
        sql`${reviewPositions.id} = (select max(p2.id) from ${reviewPositions} p2 where p2.round_id = ${reviewPositions.roundId} and p2.organisation_id = ${orgId})`,
        sql`not exists (select 1 from ${reviewComments} c where c.round_id = ${reviewRounds.id} and c.number = any(${reviewPositions.dependsOn}) and c.disposition is null)`,
      ),
    )
    .orderBy(asc(reviewPositions.createdAt));
}

/** Dispositions of the agency's comments it has not accepted or contested yet, per round. */
export function dispositionsToRespond(db: Db, orgId: number) {
  return db
    .select({
      slug: products.slug,
      title: products.title,
      round: reviewRounds.number,
      oldest: sql<Date>`min(${reviewComments.dispositionAt})`.mapWith((v) => new Date(v)),
      count: sql<number>`count(*)::int`,
    })
    .from(reviewComments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewComments.roundId))
    .innerJoin(products, eq(products.id, reviewRounds.productId))
    .where(
      and(
        eq(reviewComments.organisationId, orgId),
        sql`${reviewComments.disposition} is not null`,
        isNull(reviewComments.response),
        eq(products.status, "drafting"),
      ),
    )
    .groupBy(products.slug, products.title, reviewRounds.number);
}
