import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { pendingSignIns } from "../../db/schema/index.js";

/** A half-done sign-in or a WebAuthn ceremony lasts five minutes at most. */
export const PENDING_MINUTES = 5;
export type PendingPurpose = "second-step" | "passkey-sign-in" | "passkey-register";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Starts a pending step and returns the token for the browser's cookie. */
export async function createPending(
  db: Db,
  v: { purpose: PendingPurpose; personId: number | null; next?: string; challenge?: string },
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // Old ones go as new ones come, so the table stays small without a timer.
  await db.delete(pendingSignIns).where(lt(pendingSignIns.expiresAt, now));
  await db.insert(pendingSignIns).values({
    tokenHash: hash(token),
    purpose: v.purpose,
    personId: v.personId,
    next: v.next ?? null,
    challenge: v.challenge ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + PENDING_MINUTES * 60_000),
  });
  return token;
}

/** The live pending step behind a token, if any. */
export async function findPending(db: Db, token: string | undefined, purpose: PendingPurpose, now: Date) {
  if (!token) return undefined;
  const [row] = await db
    .select()
    .from(pendingSignIns)
    .where(
      and(
        eq(pendingSignIns.tokenHash, hash(token)),
        eq(pendingSignIns.purpose, purpose),
        gt(pendingSignIns.expiresAt, now),
      ),
    );
  return row;
}

/** Sets the WebAuthn challenge of a pending step (a new one replaces the old: each is good once). */
export async function setChallenge(db: Db, token: string, challenge: string): Promise<void> {
  await db
    .update(pendingSignIns)
    .set({ challenge })
    .where(eq(pendingSignIns.tokenHash, hash(token)));
}

/** Takes the challenge out so it cannot be answered twice; returns it. */
export async function takeChallenge(db: Db, token: string): Promise<string | null> {
  const [row] = await db
    .select({ challenge: pendingSignIns.challenge })
    .from(pendingSignIns)
    .where(eq(pendingSignIns.tokenHash, hash(token)));
  if (!row?.challenge) return null;
  const taken = await db
    .update(pendingSignIns)
    .set({ challenge: null })
    .where(and(eq(pendingSignIns.tokenHash, hash(token)), eq(pendingSignIns.challenge, row.challenge)))
    .returning({ tokenHash: pendingSignIns.tokenHash });
  return taken.length ? row.challenge : null;
}

/** Ends a pending step. */
export async function deletePending(db: Db, token: string): Promise<void> {
  await db.delete(pendingSignIns).where(eq(pendingSignIns.tokenHash, hash(token)));
}
