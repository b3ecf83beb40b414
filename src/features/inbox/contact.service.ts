import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { inboxAttachments, inboxMessages, inboxNotes } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { AppError, invalid } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import type { UploadedFile } from "../../kit/uploads.js";
import { write } from "../../kit/write.js";
import { loadForum } from "../../web/forum.js";
import { lockedUntil, recordFailure, throttleKey } from "../auth/throttle.service.js";
import { enqueueMail } from "../mail/mail.outbox.service.js";
import { hashConfirmToken, newConfirmToken } from "../subscriptions/subscriptions.tokens.service.js";
import { checkAttachments, storeAttachments } from "./inbox.files.service.js";
import { acknowledgementMail, confirmInputMail } from "./inbox.mails.js";
import { erasePersonalData } from "./inbox.privacy.service.js";
import { contactInput, noteInput } from "./inbox.schemas.js";
import { readInboxSettings } from "./inbox.settings.service.js";
import { verifyStartedToken, verifyStatusToken } from "./inbox.tokens.service.js";

const CONFIRM_VALID_MS = 7 * 24 * 3_600_000;
/** A person takes longer than this to fill in the form; robots usually do not. */
export const MIN_FILL_MS = 3_000;
const REFERENCE_LOCK = 7_150_015;
const subjectType = "inbox_message";

/** What the form sends besides its fields: the files, the honeypot, when it was shown. */
export type Submission = { files: UploadedFile[]; honeypot: string; started: string; client: string };

function refuseRobots(deps: Deps, s: Submission): void {
  // The honeypot is hidden from people (and from screen readers); only a robot fills it in.
  if (s.honeypot.trim() !== "")
    throw invalid({ _form: "This message could not be sent. Please leave the last, hidden field empty." });
  const started = verifyStartedToken(deps.config.sessionSecret, s.started);
  if (!started)
    throw invalid({ _form: "This form has expired. Please check your message and send it again." });
  if (deps.now().getTime() - started.getTime() < MIN_FILL_MS)
    throw invalid({
      _form: "That was quicker than a person types. Please check your message and send it again.",
    });
}

async function throttle(deps: Deps, email: string, client: string): Promise<void> {
  const now = deps.now();
  const keys = [throttleKey("account", `contact:${email}`), throttleKey("address", `contact:${client}`)];
  if (await lockedUntil(deps.db, keys, now))
    throw new AppError(
      "rate_limited",
      "Too many messages from this address. Nothing was sent; please try again in 15 minutes.",
    );
  await recordFailure(deps.db, "account", keys[0]!, now);
  await recordFailure(deps.db, "address", keys[1]!, now);
}

/**
 * A visitor sends input from /contact. Robots are turned away (honeypot, fill time), the fields and
 * PDFs are checked, each address and e-mail is rate-limited, and the message is stored unconfirmed:
 * the sender gets a link, and only once they follow it does the message reach the secretariat.
 */
export async function submitInput(deps: Deps, actor: Actor, raw: unknown, s: Submission): Promise<number> {
  refuseRobots(deps, s);
  const input = parseInput(contactInput, raw);
  const { topics } = await readInboxSettings(deps);
  if (!topics.includes(input.topic)) throw invalid({ topic: "Choose one of the topics offered." });
  checkAttachments(s.files);
  await throttle(deps, input.email, s.client);
  const now = deps.now();
  const { token, hash } = newConfirmToken();
  const forum = await loadForum(deps);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .insert(inboxMessages)
        .values({
          status: "unconfirmed",
          senderName: input.name,
          senderEmail: input.email,
          organisation: input.organisation,
          senderKind: input.kind,
          country: input.country,
          topic: input.topic,
          subject: input.subject,
          body: input.message,
          consent: input.consent,
          confirmTokenHash: hash,
          confirmExpiresAt: new Date(now.getTime() + CONFIRM_VALID_MS),
          createdAt: now,
        })
        .returning({ id: inboxMessages.id });
      const files = await storeAttachments(tx, s.files);
      if (files.length)
        await tx.insert(inboxAttachments).values(files.map((f) => ({ ...f, messageId: row!.id })));
      await enqueueMail(
        tx,
        confirmInputMail(
          deps.config,
          { id: row!.id, email: input.email, subject: input.subject },
          token,
          forum.secretariat.name,
        ),
        now,
      );
      await audit({
        action: "inbox.submit",
        subjectType,
        subjectId: row!.id,
        summary: "A visitor sent input from the contact form (waiting for confirmation)",
        details: { topic: input.topic, kind: input.kind, attachments: files.length },
      });
      return row!.id;
    },
    { invalidatesPages: false },
  );
}

/** The unconfirmed message a confirmation token names while it is valid, or undefined. */
export async function findByConfirmToken(db: Db, token: string | undefined, now: Date) {
  if (!token || token.length > 100) return undefined;
  const [row] = await db
    .select()
    .from(inboxMessages)
    .where(
      and(
        eq(inboxMessages.confirmTokenHash, hashConfirmToken(token)),
        gt(inboxMessages.confirmExpiresAt, now),
      ),
    );
  return row;
}

/** The next reference of a year, e.g. IN-2026-0042; call with the reference lock held. */
async function nextReference(tx: Db, year: number): Promise<string> {
  const prefix = `IN-${year}-`;
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(substring(${inboxMessages.reference} from 9)::int), 0) + 1` })
    .from(inboxMessages)
    .where(sql`${inboxMessages.reference} like ${`${prefix}%`}`);
  return `${prefix}${String(row?.n ?? 1).padStart(4, "0")}`;
}

/**
 * The sender confirms from the mailed link: the message gets its reference, reaches the secretariat,
 * and the sender is sent the reference and their status link. Returns the message id, or null for a
 * link that is not (or no longer) valid; confirming twice is harmless.
 */
export async function confirmInput(
  deps: Deps,
  actor: Actor,
  token: string | undefined,
): Promise<number | null> {
  const now = deps.now();
  const row = await findByConfirmToken(deps.db, token, now);
  if (!row) return null;
  if (row.status !== "unconfirmed") return row.id;
  await write(
    deps,
    actor,
    async (tx, audit) => {
      // One reference at a time, so two confirmations at once never take the same number.
      await tx.execute(sql`select pg_advisory_xact_lock(${REFERENCE_LOCK})`);
      const reference = await nextReference(tx, now.getUTCFullYear());
      // Only the first of two confirmations sent at once gives the reference and the acknowledgement.
      const [done] = await tx
        .update(inboxMessages)
        .set({ status: "new", reference, confirmedAt: now })
        .where(and(eq(inboxMessages.id, row.id), eq(inboxMessages.status, "unconfirmed")))
        .returning({ id: inboxMessages.id });
      if (!done) return;
      const mail = acknowledgementMail(deps.config, {
        id: row.id,
        email: row.senderEmail!,
        subject: row.subject,
        reference,
      });
      await enqueueMail(tx, mail, now);
      await audit({
        action: "inbox.confirm",
        subjectType,
        subjectId: row.id,
        summary: `The sender confirmed input ${reference}`,
      });
    },
    { invalidatesPages: false },
  );
  return row.id;
}

/** The confirmed message a sender's status token names, or undefined. */
export async function findByStatusToken(deps: Pick<Deps, "db" | "config">, token: string | undefined) {
  const id = verifyStatusToken(deps.config.sessionSecret, token);
  if (id === null) return undefined;
  const [row] = await deps.db.select().from(inboxMessages).where(eq(inboxMessages.id, id));
  return row && row.status !== "unconfirmed" ? row : undefined;
}

/** The sender withdraws their message: its personal data and attachments are removed at once. */
export async function withdrawInput(deps: Deps, actor: Actor, token: string | undefined): Promise<boolean> {
  const row = await findByStatusToken(deps, token);
  if (!row) return false;
  if (row.status === "withdrawn") return true;
  const now = deps.now();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await erasePersonalData(tx, row.id, now, "withdrawn by the sender");
      await tx
        .update(inboxMessages)
        .set({ status: "withdrawn", closedAt: now })
        .where(eq(inboxMessages.id, row.id));
      await audit({
        action: "inbox.withdraw",
        subjectType,
        subjectId: row.id,
        summary: `The sender withdrew input ${row.reference}; their personal data and files were removed`,
      });
    },
    { invalidatesPages: false },
  );
  return true;
}

/** The sender answers the secretariat's question from their status page; the message is back in triage. */
export async function appendSenderInformation(
  deps: Deps,
  actor: Actor,
  token: string | undefined,
  raw: unknown,
) {
  const row = await findByStatusToken(deps, token);
  if (!row) throw new AppError("not_found", "This link is not valid.");
  if (row.status !== "awaiting_sender")
    throw new AppError("conflict", "The secretariat is not waiting for more information on this message.");
  const { text } = parseInput(noteInput, raw);
  const now = deps.now();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx.insert(inboxNotes).values({
        messageId: row.id,
        kind: "sender_addition",
        authorName: "The sender",
        body: text,
        createdAt: now,
      });
      await tx.update(inboxMessages).set({ status: "new" }).where(eq(inboxMessages.id, row.id));
      await audit({
        action: "inbox.sender_addition",
        subjectType,
        subjectId: row.id,
        summary: `The sender added information to ${row.reference}`,
      });
    },
    { invalidatesPages: false },
  );
}
