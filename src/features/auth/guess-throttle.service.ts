import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { signInThrottle } from "../../db/schema/index.js";
import { TryLater } from "../../http/errors.js";

/**
 * Throttling of secrets being guessed (passwords, setup codes), built so an attacker cannot lock
 * the real person out. Failures count per account *and* source address: guessing from address A
 * slows down only A's guesses at that account, never the owner signing in from B. Each address also
 * has a cap over all accounts, so spraying many accounts from one address stops quickly. A refusal
 * is a time to come back (429 with Retry-After), not a sleep: it costs the server one read and no
 * password hashing.
 */
export const guessRules = {
  /** Failures of one account from one address before any delay. */
  freeFailures: 3,
  /** The first delay; it doubles with each further failure, up to the maximum. */
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  /** A pair's failures are forgotten after this long without one. */
  forgetAfterMs: 24 * 3_600_000,
  /** Failures from one address over all accounts in one window, then the address waits out the window. */
  addressCap: 50,
  addressWindowMs: 15 * 60_000,
} as const;

/** What is being guessed: each kind has its own counters, the address cap is shared. */
export type GuessScope = "sign-in" | "password" | "reset" | "setup" | "second-factor";

/** Who guesses what: the account (e-mail or id) and the client's address. */
export type Guess = { scope: GuessScope; account: string; address: string };

const pairKey = (g: Guess) => `guess:${g.scope}:${g.account.toLowerCase()}|${g.address}`;
const addressKey = (g: Guess) => `guess-address:${g.address}`;

/** A refusal that tells the client when to come back. */
export class TooManyGuesses extends TryLater {
  constructor(retryAfterSeconds: number) {
    super(
      `Too many failed attempts. Please wait ${waitText(retryAfterSeconds)} and try again.`,
      retryAfterSeconds,
    );
  }
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** Throws `TooManyGuesses` while this account+address pair, or the address itself, must wait. */
export async function refuseWhileThrottled(db: Db, g: Guess, now: Date): Promise<void> {
  const rows = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, [pairKey(g), addressKey(g)]));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (until > now.getTime()) throw new TooManyGuesses(Math.ceil((until - now.getTime()) / 1000));
}

/** The delay after a pair's n-th failure in a row. */
export function delayAfter(failures: number): number {
  const over = failures - guessRules.freeFailures;
  if (over < 0) return 0;
  return Math.min(guessRules.maxDelayMs, guessRules.baseDelayMs * 2 ** Math.min(over, 30));
}

/** Counts a failed guess against the pair (progressive delay) and the address (cap per window). */
export async function recordFailedGuess(db: Db, g: Guess, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - guessRules.forgetAfterMs);
  // For the pair, window_started_at holds the last failure: a quiet day starts the count again.
  const [pair] = await db
    .insert(signInThrottle)
    .values({ key: pairKey(g), failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${signInThrottle.windowStartedAt} < ${forgetBefore} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: now,
      },
    })
    .returning({ failures: signInThrottle.failures });
  const delay = delayAfter(pair!.failures);
  if (delay > 0) {
    await db
      .update(signInThrottle)
      .set({ lockedUntil: new Date(now.getTime() + delay) })
      .where(eq(signInThrottle.key, pairKey(g)));
  }
  await countAgainstAddress(db, addressKey(g), now);
}

async function countAgainstAddress(db: Db, key: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - guessRules.addressWindowMs);
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then ${now} else ${signInThrottle.windowStartedAt} end`,
      },
    })
    .returning({ failures: signInThrottle.failures });
  if (row!.failures >= guessRules.addressCap) {
    await db
      .update(signInThrottle)
      .set({
        lockedUntil: new Date(now.getTime() + guessRules.addressWindowMs),
        failures: 0,
        windowStartedAt: now,
      })
      .where(eq(signInThrottle.key, key));
  }
}

/** Forgets the pair's failures after the right secret; the address's count stays. */
export async function clearFailedGuesses(db: Db, g: Guess): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, pairKey(g)));
}
