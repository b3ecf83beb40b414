import { and, eq, sql } from "drizzle-orm";
import { inboxMessages, workingGroups } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { AppError, invalid } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { enqueueMail } from "../mail/mail.outbox.service.js";
import { createNote, loadForTriage } from "./forward.service.js";
import { secretariatMail } from "./inbox.mails.js";
import { findInputByReference } from "./inbox.queries.js";
import { classifyInput, declineInput, mergeInput, noteInput } from "./inbox.schemas.js";

const subjectType = "inbox_message";
const closed = ["spam", "out_of_scope", "merged", "withdrawn"];
const opts = { invalidatesPages: false };

function senderOf(m: { id: number; senderEmail: string | null; subject: string; reference: string | null }) {
  if (!m.senderEmail)
    throw new AppError("conflict", "The sender's details were removed; they cannot be written to.");
  return { id: m.id, email: m.senderEmail, subject: m.subject, reference: m.reference! };
}

/** Asks the sender for more: they answer from their status page, and the message waits for them. */
export async function askSender(deps: Deps, actor: Actor, id: number, raw: unknown): Promise<void> {
  const m = await loadForTriage(deps, actor, id);
  if (closed.includes(m.status)) throw new AppError("conflict", "This message is closed.");
  const { text } = parseInput(noteInput, raw);
  const sender = senderOf(m);
  const now = deps.now();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      const noteId = await createNote(tx, actor, { messageId: m.id, kind: "question", body: text }, now);
      await tx.update(inboxMessages).set({ status: "awaiting_sender" }).where(eq(inboxMessages.id, m.id));
      await enqueueMail(tx, secretariatMail(deps.config, sender, "question", text, noteId), now);
      await audit({
        action: "inbox.ask",
        subjectType,
        subjectId: m.id,
        summary: `Asked the sender of ${m.reference} for more`,
      });
    },
    opts,
  );
}

/** Closes a message as spam or out of scope, with an optional polite reply; nothing is deleted. */
export async function declineMessage(deps: Deps, actor: Actor, id: number, raw: unknown): Promise<void> {
  const m = await loadForTriage(deps, actor, id);
  if (closed.includes(m.status)) throw new AppError("conflict", "This message is closed already.");
  const { status, reply } = parseInput(declineInput, raw);
  const now = deps.now();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      if (reply) {
        const noteId = await createNote(tx, actor, { messageId: m.id, kind: "decline", body: reply }, now);
        await enqueueMail(tx, secretariatMail(deps.config, senderOf(m), "decline", reply, noteId), now);
      }
      await tx.update(inboxMessages).set({ status, closedAt: now }).where(eq(inboxMessages.id, m.id));
      await audit({
        action: `inbox.${status}`,
        subjectType,
        subjectId: m.id,
        summary: `Marked ${m.reference} as ${status === "spam" ? "spam" : "out of scope"}${reply ? " and replied" : ""}`,
      });
    },
    opts,
  );
}

/** Merges a duplicate into the message to keep: the duplicate stays, marked and pointing to it. */
export async function mergeMessage(deps: Deps, actor: Actor, id: number, raw: unknown): Promise<string> {
  const m = await loadForTriage(deps, actor, id);
  if (closed.includes(m.status)) throw new AppError("conflict", "This message is closed already.");
  const { into } = parseInput(mergeInput, raw);
  const target = await findInputByReference(deps.db, into);
  if (!target || target.status === "unconfirmed") throw invalid({ into: `There is no message ${into}.` });
  if (target.id === m.id) throw invalid({ into: "A message cannot be merged into itself." });
  if (target.status === "merged")
    throw invalid({ into: `${into} was itself merged; choose the message it went into.` });
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(inboxMessages)
        .set({ status: "merged", mergedIntoId: target.id, closedAt: deps.now() })
        .where(eq(inboxMessages.id, m.id));
      await audit({
        action: "inbox.merge",
        subjectType,
        subjectId: m.id,
        summary: `Merged ${m.reference} into ${target.reference}`,
        details: { into: target.reference },
      });
    },
    opts,
  );
  return target.reference!;
}

/** Sets the message's tags and working group. */
export async function classifyMessage(deps: Deps, actor: Actor, id: number, raw: unknown): Promise<void> {
  const m = await loadForTriage(deps, actor, id);
  const { tags, group } = parseInput(classifyInput, raw);
  let groupId: number | null = null;
  if (group) {
    const [g] = await deps.db
      .select({ id: workingGroups.id })
      .from(workingGroups)
      .where(and(sql`lower(${workingGroups.slug}) = lower(${group})`));
    if (!g) throw invalid({ group: "Choose a working group from the list." });
    groupId = g.id;
  }
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx.update(inboxMessages).set({ tags, groupId }).where(eq(inboxMessages.id, m.id));
      await audit({
        action: "inbox.classify",
        subjectType,
        subjectId: m.id,
        summary: `Tagged ${m.reference}`,
        details: { before: { tags: m.tags, group: m.groupSlug }, after: { tags, group: group ?? null } },
      });
    },
    opts,
  );
}

/** Sends the sender the consolidated answer of the secretariat and agencies; the message is answered. */
export async function answerSender(deps: Deps, actor: Actor, id: number, raw: unknown): Promise<void> {
  const m = await loadForTriage(deps, actor, id);
  if (closed.includes(m.status)) throw new AppError("conflict", "This message is closed.");
  const { text } = parseInput(noteInput, raw);
  const sender = senderOf(m);
  const now = deps.now();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      const noteId = await createNote(tx, actor, { messageId: m.id, kind: "answer", body: text }, now);
      await tx
        .update(inboxMessages)
        .set({ status: "answered", answeredAt: now })
        .where(eq(inboxMessages.id, m.id));
      await enqueueMail(tx, secretariatMail(deps.config, sender, "answer", text, noteId), now);
      await audit({
        action: "inbox.answer",
        subjectType,
        subjectId: m.id,
        summary: `Answered the sender of ${m.reference}`,
      });
    },
    opts,
  );
}
