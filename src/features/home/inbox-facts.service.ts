import type { Db } from "../../db/client.js";
import { plural } from "../../web/words.js";
import { factsToVerifyCount, inboxToAcknowledge, inboxToTriage } from "./inbox-facts.queries.js";
import type { WaitingItem } from "./waiting.queries.js";

const messagePath = (id: number) => `/private/inbox/${id}`;

/** Public input forwarded to the agency that its focal points have not acknowledged. */
export async function agencyInboxItems(db: Db, orgId: number, acronym: string): Promise<WaitingItem[]> {
  return (await inboxToAcknowledge(db, orgId)).map((m) => ({
    kind: "inbox",
    title: `Acknowledge ${m.reference}: ${m.subject}`,
    detail: `Public input forwarded to ${acronym}`,
    href: messagePath(m.id),
    since: m.forwardedAt,
    due: null,
    overdue: false,
  }));
}

/** The secretariat's part: public input not triaged yet, and the count of facts to verify. */
export async function secretariatInboxFactItems(db: Db, now: Date): Promise<WaitingItem[]> {
  const [inbox, facts] = await Promise.all([inboxToTriage(db), factsToVerifyCount(db)]);
  const items: WaitingItem[] = inbox.map((m) => ({
    kind: "inbox",
    title: `Triage ${m.reference}: ${m.subject}`,
    detail: "Public input not acknowledged yet",
    href: messagePath(m.id),
    since: m.confirmedAt ?? m.createdAt,
    due: null,
    overdue: false,
  }));
  if (facts > 0)
    items.push({
      kind: "facts",
      title: `${plural(facts, "fact")} to verify`,
      detail: "Records the sources do not settle",
      href: "/private/facts",
      // Undated: it sorts last and shows no age.
      since: now,
      due: null,
      overdue: false,
      undated: true,
    });
  return items;
}
