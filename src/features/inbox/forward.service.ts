import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  type InputStatus,
  inboxDeliveries,
  inboxMessages,
  inboxNotes,
  organisations,
  people,
} from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { enqueueMail } from "../mail/mail.outbox.service.js";
import { forwardedMail } from "./inbox.mails.js";
import { canManageInbox } from "./inbox.policy.js";
import { findInput, type InputRecord } from "./inbox.queries.js";
import { forwardInput as forwardShape } from "./inbox.schemas.js";

const subjectType = "inbox_message";

/** The active focal points of an agency, who receive its inbox mail. */
export async function focalPointsOf(db: Db, organisationId: number) {
  return db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        eq(people.active, true),
        sql`'focal_point' = any(${people.roles})`,
      ),
    )
    .orderBy(asc(people.id));
}

/** The member agencies today: every organisation that has not left the forum. */
export async function memberAgencies(db: Db, today: string) {
  return db
    .select({ id: organisations.id, acronym: organisations.acronym, name: organisations.name })
    .from(organisations)
    .where(or(isNull(organisations.leftOn), sql`${organisations.leftOn} > ${today}::date`))
    .orderBy(asc(organisations.acronym));
}

/** A confirmed message the secretariat works on; throws for anyone else or an unknown id. */
export async function loadForTriage(deps: Deps, actor: Actor, id: number): Promise<InputRecord> {
  if (!canManageInbox(actor)) throw forbidden("Only the secretariat triages public input.");
  const m = await findInput(deps.db, id);
  if (!m || m.status === "unconfirmed") throw notFound("The message");
  return m;
}

/** States from which a message can still be forwarded (again, to more agencies). */
const forwardable: InputStatus[] = ["new", "awaiting_sender", "forwarded"];

/**
 * Forwards a message to every member agency, or to those chosen (with the reason recorded). Each
 * agency finds it in its inbox, and its focal points get one mail each (deduplicated in the outbox,
 * so forwarding again to more agencies never mails the first ones twice). Returns the number of agencies.
 */
export async function forwardToAgencies(deps: Deps, actor: Actor, id: number, raw: unknown): Promise<number> {
  const m = await loadForTriage(deps, actor, id);
  if (!m.consent)
    throw new AppError("conflict", "The sender did not agree to their message being passed on.");
  if (!forwardable.includes(m.status))
    throw new AppError("conflict", "This message is closed; it cannot be forwarded.");
  const input = parseInput(forwardShape, raw);
  const now = deps.now();
  const all = await memberAgencies(deps.db, now.toISOString().slice(0, 10));
  const chosen = input.agencies.length
    ? all.filter((a) => input.agencies.some((x) => x.toLowerCase() === a.acronym.toLowerCase()))
    : all;
  if (chosen.length === 0 || chosen.length < input.agencies.length)
    throw invalid({ agencies: "Choose member agencies from the list." });
  return write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .insert(inboxDeliveries)
        .values(chosen.map((a) => ({ messageId: m.id, organisationId: a.id, forwardedAt: now })))
        .onConflictDoNothing();
      await tx
        .update(inboxMessages)
        .set({
          status: "forwarded",
          forwardedAt: m.forwardedAt ?? now,
          forwardReason: input.agencies.length ? input.reason : m.forwardReason,
        })
        .where(eq(inboxMessages.id, m.id));
      const mail = { id: m.id, reference: m.reference!, subject: m.subject, topic: m.topic };
      for (const a of chosen) {
        const focal = await focalPointsOf(tx, a.id);
        await enqueueMail(
          tx,
          focal.map((p) => forwardedMail(deps.config, mail, p)),
          now,
        );
      }
      await audit({
        action: "inbox.forward",
        subjectType,
        subjectId: m.id,
        summary: `Forwarded ${m.reference} to ${input.agencies.length ? chosen.map((a) => a.acronym).join(", ") : `all ${chosen.length} member agencies`}`,
        details: {
          agencies: chosen.map((a) => a.acronym),
          reason: input.agencies.length ? input.reason : null,
        },
      });
      return chosen.length;
    },
    { invalidatesPages: false },
  );
}

/** The agencies a message went to, by id: who may read it besides the secretariat. */
export async function forwardedTo(db: Db, messageId: number): Promise<number[]> {
  const rows = await db
    .select({ id: inboxDeliveries.organisationId })
    .from(inboxDeliveries)
    .where(eq(inboxDeliveries.messageId, messageId));
  return rows.map((r) => r.id);
}

/** The ids of several messages' receiving agencies, for lists. */
export async function deliveriesOf(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ messageId: inboxDeliveries.messageId, organisationId: inboxDeliveries.organisationId })
    .from(inboxDeliveries)
    .where(inArray(inboxDeliveries.messageId, ids));
}

/** Inserts a note in the caller's transaction and returns its id. */
export async function createNote(
  tx: Db,
  actor: Actor,
  note: {
    messageId: number;
    kind: (typeof inboxNotes.$inferInsert)["kind"];
    body: string;
    organisationId?: number | null;
  },
  now: Date,
): Promise<number> {
  const [row] = await tx
    .insert(inboxNotes)
    .values({
      ...note,
      authorId: actor.kind === "person" ? actor.id : null,
      authorName: actor.kind === "person" ? actor.name : "The secretariat",
      createdAt: now,
    })
    .returning({ id: inboxNotes.id });
  return row!.id;
}
