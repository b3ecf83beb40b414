import { aliasedTable, and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { groupDeliverables, groupOutlooks, organisations, people } from "../../db/schema/index.js";

const personOrg = aliasedTable(organisations, "person_org");

/** A deliverable with its owner's names. */
export type Deliverable = typeof groupDeliverables.$inferSelect & {
  ownerAcronym: string | null;
  ownerPersonName: string | null;
  ownerPersonAgency: string | null;
};

/** A group's deliverables: by due date (undated last), then title. */
export function listDeliverables(db: Db, groupId: number): Promise<Deliverable[]> {
  return selectDeliverables(db, eq(groupDeliverables.groupId, groupId));
}

/** One deliverable of the group, with its owner's names. */
export async function findDeliverable(db: Db, groupId: number, id: number): Promise<Deliverable | undefined> {
  const [row] = await selectDeliverables(
    db,
    and(eq(groupDeliverables.groupId, groupId), eq(groupDeliverables.id, id)),
  );
  return row;
}

async function selectDeliverables(db: Db, where: SQL | undefined): Promise<Deliverable[]> {
  const rows = await db
    .select({
      d: groupDeliverables,
      ownerAcronym: organisations.acronym,
      ownerPersonName: people.name,
      ownerPersonAgency: personOrg.acronym,
    })
    .from(groupDeliverables)
    .leftJoin(organisations, eq(organisations.id, groupDeliverables.ownerOrganisationId))
    .leftJoin(people, eq(people.id, groupDeliverables.ownerPersonId))
    .leftJoin(personOrg, eq(personOrg.id, people.organisationId))
    .where(where)
    .orderBy(
      sql`${groupDeliverables.dueOn} is null`,
      asc(groupDeliverables.dueOn),
      asc(groupDeliverables.title),
    );
  return rows.map(({ d, ...rest }) => ({ ...d, ...rest }));
}

/** A group's yearly outlooks, newest year first. */
export function listOutlooks(db: Db, groupId: number) {
  return db
    .select()
    .from(groupOutlooks)
    .where(eq(groupOutlooks.groupId, groupId))
    .orderBy(desc(groupOutlooks.year));
}

/** The outlook to show now: this year's, else the latest one written for an earlier year. */
export function currentOutlook<T extends { year: number }>(outlooks: T[], year: number): T | undefined {
  return outlooks.find((o) => o.year <= year);
}
