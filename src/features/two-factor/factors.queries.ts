import { and, count, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { passkeys, people, recoveryCodes, sessions, totpFactors } from "../../db/schema/index.js";
import { hashRecoveryCode } from "../../domain/totp.js";

/** What second factors a person has switched on. */
export type Factors = { totp: boolean; passkeys: number; recoveryCodesLeft: number };

/** The person's second factors. */
export async function factorsOf(db: Db, personId: number): Promise<Factors> {
  const [totp] = await db
    .select({ on: isNotNull(totpFactors.confirmedAt) })
    .from(totpFactors)
    .where(eq(totpFactors.personId, personId));
  const [keys] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.personId, personId));
  const [codes] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.personId, personId), isNull(recoveryCodes.usedAt)));
  return { totp: Boolean(totp?.on), passkeys: keys?.n ?? 0, recoveryCodesLeft: codes?.n ?? 0 };
}

/** True when the person has any second factor. */
export const hasSecondFactor = (f: Factors) => f.totp || f.passkeys > 0;

/** Replaces the person's recovery codes with new ones (stored hashed). */
export async function replaceRecoveryCodes(db: Db, personId: number, codes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.personId, personId));
  if (codes.length === 0) return;
  await db.insert(recoveryCodes).values(codes.map((c) => ({ personId, codeHash: hashRecoveryCode(c) })));
}

/** Uses up a recovery code; true when it was one of the person's unused codes. */
export async function useRecoveryCode(db: Db, personId: number, code: string, now: Date): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.personId, personId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

/** Records a TOTP step as used, unless it (or a later one) already was: false means the code is spent. */
export async function claimTotpStep(db: Db, personId: number, step: number): Promise<boolean> {
  const claimed = await db
    .update(totpFactors)
    .set({ lastStep: step })
    .where(
      and(
        eq(totpFactors.personId, personId),
        or(isNull(totpFactors.lastStep), lt(totpFactors.lastStep, step)),
      ),
    )
    .returning({ personId: totpFactors.personId });
  return claimed.length > 0;
}

/** The person's confirmed TOTP secret, or null. */
export async function confirmedTotpSecret(db: Db, personId: number): Promise<string | null> {
  const [row] = await db
    .select({ secret: totpFactors.secret })
    .from(totpFactors)
    .where(and(eq(totpFactors.personId, personId), isNotNull(totpFactors.confirmedAt)));
  return row?.secret ?? null;
}

/** Removes every second factor of a person (TOTP, passkeys, recovery codes). */
export async function deleteFactorsOf(db: Db, personId: number): Promise<void> {
  await db.delete(totpFactors).where(eq(totpFactors.personId, personId));
  await db.delete(passkeys).where(eq(passkeys.personId, personId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.personId, personId));
}

/** Lets every session of the person past the enrolment gate (they now have a second factor). */
export async function releaseSessionsOf(db: Db, personId: number): Promise<void> {
  await db
    .update(sessions)
    .set({ mustEnrol: false })
    .where(and(eq(sessions.personId, personId), eq(sessions.mustEnrol, true)));
}

/** The person's roles (current, from the database). */
export async function rolesOf(db: Db, personId: number) {
  const [row] = await db.select({ roles: people.roles }).from(people).where(eq(people.id, personId));
  return row?.roles ?? [];
}
