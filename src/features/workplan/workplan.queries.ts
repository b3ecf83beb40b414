import { aliasedTable, asc, desc, eq, sql } from "drizzle-orm";
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
export async function listDeliverables(db: Db, groupId: number): Promise<Deliverable[]> {
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
    .where(eq(groupDeliverables.groupId, groupId))
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
