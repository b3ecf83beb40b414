import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { accountLinks, people } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { systemActor } from "../../http/actor.js";
import { notFound } from "../../http/errors.js";
import { deleteSessionsOf } from "../../http/sessions.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { choosePasswordSchema } from "../auth/auth.schemas.js";
import { recordFailedGuess, refuseWhileThrottled } from "../auth/guess-throttle.service.js";
import { hashPassword } from "../auth/passwords.service.js";
import { enqueueMail } from "../mail/mail.outbox.service.js";
import { findLiveLink, hashLinkToken, liveLink, newLinkToken } from "./account-links.service.js";
import { resetMail } from "./reset.mails.js";

/** How long a reset link works: long enough to reach the mailbox, short enough to matter little if it leaks. */
export const RESET_LINK_MS = 60 * 60_000;

const requestInput = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your e-mail address.")
    .max(320)
    .email("Enter a valid e-mail address."),
});

/**
 * Mails a single-use reset link when an active account has this address. The answer is the same
 * either way, and so is the work up to the mail (a token is made and hashed regardless), so neither
 * the page nor its timing tells which addresses have accounts. Throttled per address+e-mail, so the
 * form cannot be used to flood someone's mailbox.
 */
export async function requestPasswordReset(deps: Deps, raw: unknown, meta: { ip: string }): Promise<void> {
  const { email } = parseInput(requestInput, raw);
  const now = deps.now();
  const guess = { scope: "reset", account: email, address: meta.ip } as const;
  await refuseWhileThrottled(deps.db, guess, now);
  await recordFailedGuess(deps.db, guess, now);
  const token = newLinkToken();
  const tokenHash = hashLinkToken(token);
  const [person] = await deps.db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(sql`lower(${people.email}) = ${email.toLowerCase()}`, eq(people.active, true)));
  if (!person) return;
  await write(
    deps,
    systemActor("password reset"),
    async (tx, audit) => {
      await tx.insert(accountLinks).values({
        tokenHash,
        purpose: "reset",
        personId: person.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_LINK_MS),
      });
      await enqueueMail(tx, resetMail(deps.config, person, token), now);
      await audit({
        action: "person.reset_requested",
        subjectType: "person",
        subjectId: person.id,
        summary: "A password reset link was mailed",
      });
    },
    { invalidatesPages: false },
  );
}

/** The person a live reset link is for, or undefined (unknown, used or expired). */
export const personForResetLink = (deps: Deps, token: string) =>
  findLiveLink(deps.db, token, "reset", deps.now(), { activeOnly: true });

/**
 * Sets a new password through a reset link: the link is used up, every other link of the person
 * too, and every session ends (whoever knew the old password is out).
 */
export async function resetPassword(deps: Deps, token: string, raw: unknown): Promise<void> {
  const input = parseInput(choosePasswordSchema, raw);
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  await write(
    deps,
    systemActor("password reset"),
    async (tx, audit) => {
      const [used] = await tx
        .update(accountLinks)
        .set({ usedAt: now })
        // The purpose too: an invitation's link must not serve as a reset link.
        .where(liveLink(token, "reset", now))
        .returning({ personId: accountLinks.personId });
      if (!used) throw notFound("This reset link");
      await tx
        .update(accountLinks)
        .set({ usedAt: now })
        .where(and(eq(accountLinks.personId, used.personId), isNull(accountLinks.usedAt)));
      await tx.update(people).set({ passwordHash, updatedAt: now }).where(eq(people.id, used.personId));
      await deleteSessionsOf(tx, used.personId);
      await audit({
        action: "person.password_reset",
        subjectType: "person",
        subjectId: used.personId,
        summary: "Reset the password by a mailed link; all sessions ended",
      });
    },
    { invalidatesPages: false },
  );
}

/** A wrong or stale link is a guess: counted like one, so links cannot be enumerated. */
export async function guardResetLink(deps: Deps, address: string, live: boolean): Promise<void> {
  const guess = { scope: "reset", account: "link", address } as const;
  await refuseWhileThrottled(deps.db, guess, deps.now());
  if (!live) await recordFailedGuess(deps.db, guess, deps.now());
}
