import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  type InputStatus,
  inboxAttachments,
  inboxDeliveries,
  inboxMessages,
  inboxNotes,
  inputStatuses,
  organisations,
  type SenderKind,
  senderKinds,
  workingGroups,
} from "../../db/schema/index.js";

export const INBOX_PER_PAGE = 50;

/** The filters of the inbox list, as read from the address. */
export type InboxFilters = {
  status?: InputStatus | "open";
  topic?: string;
  kind?: SenderKind;
  from?: string;
  to?: string;
  q?: string;
};

/** A real calendar day as YYYY-MM-DD (not 2026-02-31), so the query never sees an invalid date. */
const isDay = (v: string | undefined): v is string => {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** Reads the list's filters from query parameters, dropping anything unknown. */
export function readFilters(q: Record<string, string | undefined>): InboxFilters {
  const status =
    q.status === "open" || inputStatuses.includes(q.status as InputStatus) ? q.status : undefined;
  return {
    status: status as InboxFilters["status"],
    topic: q.topic?.trim() || undefined,
    kind: senderKinds.includes(q.kind as SenderKind) ? (q.kind as SenderKind) : undefined,
    from: isDay(q.from) ? q.from : undefined,
    to: isDay(q.to) ? q.to : undefined,
    q: q.q?.trim().slice(0, 200) || undefined,
  };
}

const m = inboxMessages;

function conditions(f: InboxFilters): SQL[] {
  const out: SQL[] = [sql`${m.status} <> 'unconfirmed'`];
  if (f.status === "open") out.push(inArray(m.status, ["new", "awaiting_sender", "forwarded"]));
  else if (f.status) out.push(eq(m.status, f.status));
  if (f.topic) out.push(eq(m.topic, f.topic));
  if (f.kind) out.push(eq(m.senderKind, f.kind));
  if (f.from) out.push(gte(m.confirmedAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) out.push(lt(m.confirmedAt, sql`(${f.to}::date + 1)::timestamptz`));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    out.push(
      sql`(${m.reference} ilike ${like} or ${m.subject} ilike ${like} or ${m.body} ilike ${like} or ${m.senderName} ilike ${like} or ${m.organisation} ilike ${like} or ${m.tags}::text ilike ${like})`,
    );
  }
  return out;
}

const listColumns = {
  id: m.id,
  reference: m.reference,
  status: m.status,
  subject: m.subject,
  senderName: m.senderName,
  organisation: m.organisation,
  senderKind: m.senderKind,
  topic: m.topic,
  tags: m.tags,
  confirmedAt: m.confirmedAt,
};
export type InboxRow = {
  id: number;
  reference: string | null;
  status: InputStatus;
  subject: string;
  senderName: string | null;
  organisation: string | null;
  senderKind: SenderKind;
  topic: string;
  tags: string[];
  confirmedAt: Date | null;
};

/** The secretariat's register: confirmed messages, newest first, filtered. */
export async function listInput(db: Db, f: InboxFilters, page: number, perPage = INBOX_PER_PAGE) {
  const where = and(...conditions(f));
  const rows = await db
    .select(listColumns)
    .from(m)
    .where(where)
    .orderBy(desc(m.confirmedAt), desc(m.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [total] = await db.select({ n: count() }).from(m).where(where);
  return { rows: rows as InboxRow[], total: total?.n ?? 0 };
}

/** One agency's inbox: the messages forwarded to it, with where the agency stands. */
export async function listAgencyInput(
  db: Db,
  organisationId: number,
  f: InboxFilters,
  page: number,
  perPage = INBOX_PER_PAGE,
) {
  const where = and(eq(inboxDeliveries.organisationId, organisationId), ...conditions(f));
  const rows = await db
    .select({
      ...listColumns,
      forwardedAt: inboxDeliveries.forwardedAt,
      readAt: inboxDeliveries.readAt,
      acknowledgedAt: inboxDeliveries.acknowledgedAt,
      interest: inboxDeliveries.interest,
    })
    .from(inboxDeliveries)
    .innerJoin(m, eq(m.id, inboxDeliveries.messageId))
    .where(where)
    .orderBy(desc(inboxDeliveries.forwardedAt), desc(m.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [total] = await db
    .select({ n: count() })
    .from(inboxDeliveries)
    .innerJoin(m, eq(m.id, inboxDeliveries.messageId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** A message with its attachments, the agencies it went to, its notes and working group. */
export async function findInput(db: Db, id: number) {
  const [message] = await db
    .select({ message: m, groupName: workingGroups.name, groupSlug: workingGroups.slug })
    .from(m)
    .leftJoin(workingGroups, eq(workingGroups.id, m.groupId))
    .where(eq(m.id, id));
  if (!message) return undefined;
  const [attachments, deliveries, notes] = await Promise.all([
    db
      .select()
      .from(inboxAttachments)
      .where(eq(inboxAttachments.messageId, id))
      .orderBy(asc(inboxAttachments.id)),
    db
      .select({
        delivery: inboxDeliveries,
        acronym: organisations.acronym,
        name: organisations.name,
      })
      .from(inboxDeliveries)
      .innerJoin(organisations, eq(organisations.id, inboxDeliveries.organisationId))
      .where(eq(inboxDeliveries.messageId, id))
      .orderBy(asc(organisations.acronym)),
    db
      .select({ note: inboxNotes, acronym: organisations.acronym })
      .from(inboxNotes)
      .leftJoin(organisations, eq(organisations.id, inboxNotes.organisationId))
      .where(eq(inboxNotes.messageId, id))
      .orderBy(asc(inboxNotes.createdAt), asc(inboxNotes.id)),
  ]);
  return {
    ...message.message,
    groupName: message.groupName,
    groupSlug: message.groupSlug,
    attachments,
    deliveries: deliveries.map((d) => ({ ...d.delivery, acronym: d.acronym, name: d.name })),
    notes: notes.map((n) => ({ ...n.note, acronym: n.acronym })),
  };
}
export type InputRecord = NonNullable<Awaited<ReturnType<typeof findInput>>>;

/** The message a reference names, confirmed ones only. */
export async function findInputByReference(db: Db, reference: string) {
  const [row] = await db.select({ id: m.id }).from(m).where(eq(m.reference, reference.toUpperCase()));
  return row ? findInput(db, row.id) : undefined;
}

/** Messages received in a year by topic and kind of sender, spam and withdrawn ones left out (annual report). */
export async function yearlyInputCounts(
  db: Db,
  year: number,
): Promise<Array<{ topic: string; kind: SenderKind; count: number }>> {
  const rows = await db
    .select({ topic: m.topic, kind: m.senderKind, count: count() })
    .from(m)
    .where(
      and(
        gte(m.confirmedAt, new Date(Date.UTC(year, 0, 1))),
        lt(m.confirmedAt, new Date(Date.UTC(year + 1, 0, 1))),
        sql`${m.status} not in ('unconfirmed', 'spam', 'withdrawn', 'merged')`,
      ),
    )
    .groupBy(m.topic, m.senderKind)
    .orderBy(asc(m.topic), asc(m.senderKind));
  return rows;
}

/** The topics messages were sent under, for the list's filter (the settings may have changed since). */
export async function usedTopics(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ topic: m.topic }).from(m).orderBy(asc(m.topic));
  return rows.map((r) => r.topic);
}

/** What the sender sees of a message's notes: the secretariat's words to them and their own additions. */
export async function listSenderNotes(db: Db, messageId: number) {
  return db
    .select({ kind: inboxNotes.kind, body: inboxNotes.body, createdAt: inboxNotes.createdAt })
    .from(inboxNotes)
    .where(
      and(
        eq(inboxNotes.messageId, messageId),
        inArray(inboxNotes.kind, ["question", "answer", "decline", "sender_addition"]),
      ),
    )
    .orderBy(asc(inboxNotes.createdAt), asc(inboxNotes.id));
}

/** What waits in a person's inbox: new messages for the secretariat, unacknowledged ones for an agency. */
export async function inboxWaiting(
  db: Db,
  who: { manage: boolean; organisationId: number | null },
): Promise<number> {
  if (who.manage) {
    const [row] = await db.select({ n: count() }).from(m).where(eq(m.status, "new"));
    return row?.n ?? 0;
  }
  if (who.organisationId === null) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(inboxDeliveries)
    .innerJoin(m, eq(m.id, inboxDeliveries.messageId))
    .where(
      and(
        eq(inboxDeliveries.organisationId, who.organisationId),
        sql`${inboxDeliveries.acknowledgedAt} is null`,
        inArray(m.status, ["forwarded", "answered"]),
      ),
    );
  return row?.n ?? 0;
}
