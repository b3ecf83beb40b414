import { and, asc, eq, isNull, notInArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { inboxDeliveries, inboxMessages } from "../../db/schema/index.js";
import { listFactsToVerify } from "../facts/facts.queries.js";

// The home page's reads of public input and of facts to verify (the rest is in waiting.queries.ts).

/** Public input forwarded to an agency that it has not acknowledged yet, oldest first. */
export function inboxToAcknowledge(db: Db, orgId: number) {
  return db
    .select({
      id: inboxMessages.id,
      reference: inboxMessages.reference,
      subject: inboxMessages.subject,
      forwardedAt: inboxDeliveries.forwardedAt,
    })
    .from(inboxDeliveries)
    .innerJoin(inboxMessages, eq(inboxMessages.id, inboxDeliveries.messageId))
    .where(
      and(
        eq(inboxDeliveries.organisationId, orgId),
        isNull(inboxDeliveries.acknowledgedAt),
        // A message withdrawn by its sender, or merged into another, asks nothing of anyone.
        notInArray(inboxMessages.status, ["withdrawn", "merged", "spam"]),
      ),
    )
    .orderBy(asc(inboxDeliveries.forwardedAt));
}

/** Confirmed public input the secretariat has not triaged yet (status "new"), oldest first. */
export function inboxToTriage(db: Db) {
  return db
    .select({
      id: inboxMessages.id,
      reference: inboxMessages.reference,
      subject: inboxMessages.subject,
      confirmedAt: inboxMessages.confirmedAt,
      createdAt: inboxMessages.createdAt,
    })
    .from(inboxMessages)
    .where(eq(inboxMessages.status, "new"))
    .orderBy(asc(inboxMessages.confirmedAt));
}

/** How many records the sources do not settle: the secretariat's facts to verify. */
export async function factsToVerifyCount(db: Db): Promise<number> {
  return (await listFactsToVerify(db)).length;
}
