import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { inboxDeliveries, inboxMessages } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { systemActor } from "../../http/actor.js";
import { write } from "../../kit/write.js";
import { enqueueMail } from "../mail/mail.outbox.service.js";
import { focalPointsOf } from "./forward.service.js";
import { reminderMail } from "./inbox.mails.js";
import { erasePersonalData } from "./inbox.privacy.service.js";
import { readInboxSettings } from "./inbox.settings.service.js";

const DAY_MS = 86_400_000;
const BATCH = 100;
const actor = systemActor("public input clock");

/** Deletes messages never confirmed within 7 days (they never reached anyone); returns how many. */
export async function expireUnconfirmedInput(deps: Deps): Promise<number> {
  const now = deps.now();
  const due = await deps.db
    .select({ id: inboxMessages.id })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.status, "unconfirmed"), lte(inboxMessages.confirmExpiresAt, now)))
    .limit(BATCH);
  if (due.length === 0) return 0;
  const ids = due.map((r) => r.id);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      for (const id of ids) await erasePersonalData(tx, id, now, "expired unconfirmed");
      await tx
        .delete(inboxMessages)
        .where(and(inArray(inboxMessages.id, ids), eq(inboxMessages.status, "unconfirmed")));
      await audit({
        action: "inbox.expire",
        subjectType: "inbox_message",
        summary: `Deleted ${ids.length === 1 ? "1 message" : `${ids.length} messages`} never confirmed by the sender within 7 days`,
        details: { ids },
      });
    },
    { invalidatesPages: false },
  );
  return ids.length;
}

/** Removes the personal data of messages older than the retention period; returns how many. */
export async function anonymiseOldInput(deps: Deps): Promise<number> {
  const now = deps.now();
  const { retentionDays } = await readInboxSettings(deps);
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  const due = await deps.db
    .select({ id: inboxMessages.id, reference: inboxMessages.reference })
    .from(inboxMessages)
    .where(
      and(
        isNull(inboxMessages.anonymisedAt),
        sql`${inboxMessages.status} <> 'unconfirmed'`,
        lte(inboxMessages.confirmedAt, before),
      ),
    )
    .limit(BATCH);
  if (due.length === 0) return 0;
  await write(
    deps,
    actor,
    async (tx, audit) => {
      for (const m of due) await erasePersonalData(tx, m.id, now, "anonymised after the retention period");
      await audit({
        action: "inbox.anonymise",
        subjectType: "inbox_message",
        summary: `Anonymised ${due.length === 1 ? "1 message" : `${due.length} messages`} older than ${retentionDays} days`,
        details: { references: due.map((m) => m.reference) },
      });
    },
    { invalidatesPages: false },
  );
  return due.length;
}

/** Reminds agencies that have not acknowledged a forwarded message after the set days, once each. */
export async function sendInputReminders(deps: Deps): Promise<number> {
  const now = deps.now();
  const { reminderDays } = await readInboxSettings(deps);
  const due = await deps.db
    .select({ delivery: inboxDeliveries, message: inboxMessages })
    .from(inboxDeliveries)
    .innerJoin(inboxMessages, eq(inboxMessages.id, inboxDeliveries.messageId))
    .where(
      and(
        isNull(inboxDeliveries.acknowledgedAt),
        isNull(inboxDeliveries.remindedAt),
        lte(inboxDeliveries.forwardedAt, new Date(now.getTime() - reminderDays * DAY_MS)),
        eq(inboxMessages.status, "forwarded"),
      ),
    )
    .limit(BATCH);
  if (due.length === 0) return 0;
  let mails = 0;
  await write(
    deps,
    actor,
    async (tx, audit) => {
      for (const { delivery, message } of due) {
        const people = await focalPointsOf(tx, delivery.organisationId);
        const m = {
          id: message.id,
          reference: message.reference!,
          subject: message.subject,
          topic: message.topic,
        };
        mails += await enqueueMail(
          tx,
          people.map((p) => reminderMail(deps.config, m, p, delivery.id, reminderDays)),
          now,
        );
        await tx.update(inboxDeliveries).set({ remindedAt: now }).where(eq(inboxDeliveries.id, delivery.id));
      }
      await audit({
        action: "inbox.remind",
        subjectType: "inbox_message",
        summary: `Reminded ${due.length === 1 ? "1 agency" : `${due.length} agencies`} of forwarded input not acknowledged after ${reminderDays} days`,
        details: { deliveries: due.map((d) => d.delivery.id) },
      });
    },
    { invalidatesPages: false },
  );
  return mails;
}
