import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { inboxAttachments, inboxMessages, inboxNotes, outbox } from "../../db/schema/index.js";
import { deleteUnusedFiles } from "./inbox.files.service.js";

/**
 * Removes a sender's personal data from a message, in the caller's transaction: name, address,
 * organisation, country, the text they wrote and their attachments (and the files themselves when
 * nothing else uses them). Mail to them still queued is not sent, and the copies of mail sent to them
 * are emptied. The reference, topic, kind and dates stay, so the register and yearly counts hold.
 */
export async function erasePersonalData(tx: Db, messageId: number, now: Date, why: string): Promise<void> {
  const files = await tx
    .delete(inboxAttachments)
    .where(eq(inboxAttachments.messageId, messageId))
    .returning({ sha256: inboxAttachments.sha256 });
  await deleteUnusedFiles(
    tx,
    files.map((f) => f.sha256),
  );
  await tx
    .update(inboxMessages)
    .set({
      senderName: null,
      senderEmail: null,
      organisation: null,
      country: null,
      subject: `(${why})`,
      body: "",
      confirmTokenHash: null,
      confirmExpiresAt: null,
      anonymisedAt: now,
    })
    .where(eq(inboxMessages.id, messageId));
  await tx
    .update(inboxNotes)
    .set({ body: `(${why})` })
    .where(and(eq(inboxNotes.messageId, messageId), eq(inboxNotes.kind, "sender_addition")));
  const mine = or(
    inArray(outbox.dedupeKey, [`inbox-confirm:${messageId}`, `inbox-ack:${messageId}`]),
    sql`${outbox.dedupeKey} like ${`inbox-note:${messageId}:%`}`,
  );
  await tx
    .update(outbox)
    .set({ status: "failed", lastError: "Not sent: the sender's personal data was removed." })
    .where(and(mine, eq(outbox.status, "queued")));
  await tx
    .update(outbox)
    .set({
      toAddress: "removed@invalid",
      subject: "(removed)",
      textBody: "(removed)",
      htmlBody: null,
      headers: {},
    })
    .where(mine);
}
