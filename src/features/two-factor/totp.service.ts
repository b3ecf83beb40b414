import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { people, totpFactors } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { looksLikeRecoveryCode, matchingStep, newRecoveryCodes, newTotpSecret } from "../../domain/totp.js";
import type { Actor, Person } from "../../http/actor.js";
import { AppError, forbidden } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import {
  clearFailedGuesses,
  recordFailedGuess,
  refuseWhileThrottled,
} from "../auth/guess-throttle.service.js";
import { verifyPassword } from "../auth/passwords.service.js";
import {
  claimTotpStep,
  confirmedTotpSecret,
  factorsOf,
  releaseSessionsOf,
  replaceRecoveryCodes,
  useRecoveryCode,
} from "./factors.queries.js";
import { twoFactorRequiredFor } from "./requirement.service.js";

const websiteOnly = (actor: Actor): Person => {
  if (actor.kind !== "person" || actor.token)
    throw forbidden("Sign in on the website to manage two factors.");
  return actor;
};

/** The secret being set up (not yet confirmed), making one if there is none; null when TOTP is already on. */
export async function pendingTotpSecret(deps: Deps, actor: Actor): Promise<string | null> {
  const me = websiteOnly(actor);
  const [row] = await deps.db.select().from(totpFactors).where(eq(totpFactors.personId, me.id));
  if (row?.confirmedAt) return null;
  if (row) return row.secret;
  const secret = newTotpSecret();
  await deps.db
    .insert(totpFactors)
    .values({ personId: me.id, secret, createdAt: deps.now() })
    .onConflictDoNothing();
  const [again] = await deps.db.select().from(totpFactors).where(eq(totpFactors.personId, me.id));
  return again?.confirmedAt ? null : (again?.secret ?? secret);
}

const codeInput = z.object({ code: z.string().trim().min(1, "Enter the 6-digit code from your app.") });
const wrongSetupCode = "That code does not match. Check the time on your phone and enter the code now shown.";

/**
 * Switches the authenticator app on once the person proves it works with a current code; returns
 * fresh recovery codes (to show once) when the person had none. Nothing changes on a wrong code.
 */
export async function confirmTotp(deps: Deps, actor: Actor, raw: unknown): Promise<string[] | null> {
  const me = websiteOnly(actor);
  const { code } = parseInput(codeInput, raw);
  const now = deps.now();
  const guess = { scope: "second-factor", account: String(me.id), address: "enrol" } as const;
  await refuseWhileThrottled(deps.db, guess, now);
  const [row] = await deps.db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.personId, me.id), isNull(totpFactors.confirmedAt)));
  if (!row)
    throw new AppError("conflict", "Start the set-up again: no authenticator app is waiting for a code.");
  const step = matchingStep(row.secret, code, now);
  if (step === null) {
    await recordFailedGuess(deps.db, guess, now);
    throw new AppError("validation_failed", wrongSetupCode, { code: wrongSetupCode });
  }
  await clearFailedGuesses(deps.db, guess);
  const before = await factorsOf(deps.db, me.id);
  const codes = before.recoveryCodesLeft > 0 ? null : newRecoveryCodes();
  await write(
    deps,
    me,
    async (tx, audit) => {
      await tx
        .update(totpFactors)
        .set({ confirmedAt: now, lastStep: step })
        .where(eq(totpFactors.personId, me.id));
      if (codes) await replaceRecoveryCodes(tx, me.id, codes);
      await releaseSessionsOf(tx, me.id);
      await audit({
        action: "two_factor.enable",
        subjectType: "person",
        subjectId: me.id,
        summary: "Switched on an authenticator app",
      });
    },
    { invalidatesPages: false },
  );
  return codes;
}

/** Replaces the person's recovery codes (the old ones stop working); returns the new ones to show once. */
export async function regenerateRecoveryCodes(deps: Deps, actor: Actor): Promise<string[]> {
  const me = websiteOnly(actor);
  const f = await factorsOf(deps.db, me.id);
  if (!f.totp && f.passkeys === 0) throw new AppError("conflict", "Switch on a second factor first.");
  const codes = newRecoveryCodes();
  await write(
    deps,
    me,
    async (tx, audit) => {
      await replaceRecoveryCodes(tx, me.id, codes);
      await audit({
        action: "two_factor.recovery_codes",
        subjectType: "person",
        subjectId: me.id,
        summary: "Made new recovery codes",
      });
    },
    { invalidatesPages: false },
  );
  return codes;
}

const offInput = z.object({ password: z.string().optional(), code: z.string().optional() });
const offWrong = "Enter your current password, or a code from your app.";

/** Switches the authenticator app off after the current password or a code; refused while the role requires it and nothing else is left. */
export async function disableTotp(
  deps: Deps,
  actor: Actor,
  raw: unknown,
  meta: { ip: string },
): Promise<void> {
  const me = websiteOnly(actor);
  const { password, code } = parseInput(offInput, raw);
  const now = deps.now();
  const f = await factorsOf(deps.db, me.id);
  if (!f.totp) return;
  if (f.passkeys === 0 && (await twoFactorRequiredFor(deps.db, me.roles)))
    throw new AppError(
      "validation_failed",
      "Your role requires two factors: add a passkey before switching the app off.",
      {
        code: "Add a passkey first.",
      },
    );
  const guess = { scope: "second-factor", account: String(me.id), address: meta.ip } as const;
  await refuseWhileThrottled(deps.db, guess, now);
  const ok = code?.trim()
    ? await checkSecondFactor(deps, me.id, code, now)
    : await passwordMatches(deps, me.id, password ?? "");
  if (!ok || ok === "reused") {
    await recordFailedGuess(deps.db, guess, now);
    throw new AppError("validation_failed", offWrong, { password: offWrong });
  }
  await clearFailedGuesses(deps.db, guess);
  await write(
    deps,
    me,
    async (tx, audit) => {
      await tx.delete(totpFactors).where(eq(totpFactors.personId, me.id));
      if (f.passkeys === 0) await replaceRecoveryCodes(tx, me.id, []);
      await audit({
        action: "two_factor.disable",
        subjectType: "person",
        subjectId: me.id,
        summary: "Switched off the authenticator app",
      });
    },
    { invalidatesPages: false },
  );
}

async function passwordMatches(deps: Deps, personId: number, password: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ hash: people.passwordHash })
    .from(people)
    .where(eq(people.id, personId));
  return Boolean(row?.hash && password && (await verifyPassword(password, row.hash)));
}

/**
 * Checks a code from the app (a step not used before) or an unused recovery code, spending it.
 * The caller throttles. "reused" means a right code that was already used.
 */
export async function checkSecondFactor(
  deps: Deps,
  personId: number,
  code: string,
  now: Date,
): Promise<"totp" | "recovery" | "reused" | null> {
  if (looksLikeRecoveryCode(code))
    return (await useRecoveryCode(deps.db, personId, code, now)) ? "recovery" : null;
  const secret = await confirmedTotpSecret(deps.db, personId);
  if (!secret) return null;
  const step = matchingStep(secret, code, now);
  if (step === null) return null;
  return (await claimTotpStep(deps.db, personId, step)) ? "totp" : "reused";
}
