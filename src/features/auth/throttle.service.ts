import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { signInThrottle } from "../../db/schema/index.js";

/** How many failures a key may have in one window before it is locked, and for how long. */
export const throttleRules = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  // Sign-ins started (single sign-on, passkeys): each stores a row and may call an agency's
  // provider. Generous, since a whole agency may sit behind one address.
  starts: { maxFailures: 120, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

type Kind = keyof typeof throttleRules;
export const throttleKey = (kind: Kind, value: string) => `${kind}:${value.toLowerCase()}`;

/** The moment the earliest lock among these keys ends, or null when none is locked. */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  let latest: Date | null = null;
  for (const key of keys) {
    const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest)) {
      latest = row.lockedUntil;
    }
  }
  return latest;
}

/** Counts one failure against a key, locking it when the window's limit is reached. */
export async function recordFailure(db: Db, kind: Kind, key: string, now: Date): Promise<void> {
  const rule = throttleRules[kind];
  const windowStart = new Date(now.getTime() - rule.windowMs);
  await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        // A failure after the window closed starts a new window.
        failures: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then ${now} else ${signInThrottle.windowStartedAt} end`,
      },
    });
  await db
    .update(signInThrottle)
    .set({ lockedUntil: new Date(now.getTime() + rule.lockMs), failures: 0, windowStartedAt: now })
    .where(sql`${signInThrottle.key} = ${key} and ${signInThrottle.failures} >= ${rule.maxFailures}`);
}

/**
 * Counts a sign-in started from this address (single sign-on, a passkey challenge); true while the
 * address may start more, false once it has started too many in the window.
 */
export async function mayStartSignIn(db: Db, address: string, now: Date): Promise<boolean> {
  const key = throttleKey("starts", address);
  if (await lockedUntil(db, [key], now)) return false;
  await recordFailure(db, "starts", key, now);
  return true;
}

/** Forgets an account's failures after a successful sign-in. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
