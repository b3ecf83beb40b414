import { eq, sql } from "drizzle-orm";
import { organisations, people } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor, Person } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { createSession } from "../../http/sessions.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { factorsOf, hasSecondFactor } from "../two-factor/factors.queries.js";
import { createPending } from "../two-factor/pending.queries.js";
import { mustEnrol } from "../two-factor/requirement.service.js";
import { signInSchema } from "./auth.schemas.js";
import { clearFailedGuesses, recordFailedGuess, refuseWhileThrottled } from "./guess-throttle.service.js";
import { dummyHash, verifyPassword } from "./passwords.service.js";

const failedMessage = "The e-mail address or password is not correct.";

/** How a sign-in ends after the password: in, or with a second step still to take. */
export type SignInResult =
  | { kind: "signed-in"; token: string; person: Person; mustEnrol: boolean }
  | { kind: "second-step"; pendingToken: string };

type SignInMeta = { ip: string; userAgent?: string; requestId?: string; next?: string };

/**
 * Checks credentials (throttled per account+address, capped per address). A person with a second
 * factor gets a pending step instead of a session; everyone else is signed in.
 */
export async function signIn(deps: Deps, input: unknown, meta: SignInMeta): Promise<SignInResult> {
  const { email, password } = parseInput(signInSchema, input);
  const now = deps.now();
  const guess = { scope: "sign-in", account: email, address: meta.ip } as const;
  // Refused before the password is even checked: a throttled guess costs no hashing and reveals nothing.
  await refuseWhileThrottled(deps.db, guess, now);
  const [row] = await deps.db
    .select()
    .from(people)
    .where(sql`lower(${people.email}) = ${email.toLowerCase()}`);
  // Verify against a dummy hash when there is no account, so timing does not reveal which e-mails exist.
  const ok = await verifyPassword(password, row?.passwordHash ?? dummyHash);
  if (!row?.passwordHash || !ok || !row.active) {
    await recordFailedGuess(deps.db, guess, now);
    throw new AppError("unauthenticated", failedMessage, { email: failedMessage });
  }
  await clearFailedGuesses(deps.db, guess);
  if (hasSecondFactor(await factorsOf(deps.db, row.id))) {
    const pendingToken = await createPending(
      deps.db,
      { purpose: "second-step", personId: row.id, next: meta.next },
      now,
    );
    return { kind: "second-step", pendingToken };
  }
  return { kind: "signed-in", ...(await finishSignIn(deps, row.id, meta, "password")) };
}

/**
 * Opens a session for a person whose identity is proven (password, password and second factor,
 * passkey, or an identity provider). The session may only enrol when the person's role requires
 * two factors and they have none.
 */
export async function finishSignIn(
  deps: Deps,
  personId: number,
  meta: { ip: string; userAgent?: string; requestId?: string; issuer?: string },
  method: "password" | "two-factor" | "passkey" | "single sign-on" | string,
): Promise<{ token: string; person: Person; mustEnrol: boolean }> {
  const [row] = await deps.db.select().from(people).where(eq(people.id, personId));
  if (!row?.active) throw new AppError("unauthenticated", failedMessage);
  const person: Person = {
    kind: "person",
    id: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles,
    organisationId: row.organisationId,
    organisationAcronym: await acronymOf(deps, row.organisationId),
    requestId: meta.requestId,
  };
  // An agency's identity provider answers for its own factors (docs/decisions/0006-single-sign-on.md).
  const enrol = method === "single sign-on" ? false : await mustEnrol(deps.db, row);
  const now = deps.now();
  const token = await write(
    deps,
    person,
    async (tx, audit) => {
      const { issuer: _, ...where } = meta;
      const t = await createSession(tx, row.id, now, { ...where, mustEnrol: enrol });
      await audit({
        action: "session.create",
        subjectType: "person",
        subjectId: row.id,
        summary:
          method === "password"
            ? "Signed in"
            : method === "single sign-on"
              ? "Signed in with single sign-on"
              : `Signed in (${method})`,
        ...(meta.issuer ? { details: { issuer: meta.issuer } } : {}),
      });
      return t;
    },
    { invalidatesPages: false },
  );
  return { token, person, mustEnrol: enrol };
}

async function acronymOf(deps: Deps, organisationId: number | null): Promise<string | null> {
  if (organisationId === null) return null;
  const [org] = await deps.db
    .select({ acronym: organisations.acronym })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return org?.acronym ?? null;
}

/** Records a sign-out in the audit log (the caller deletes the session). */
export async function recordSignOut(deps: Deps, actor: Actor): Promise<void> {
  if (actor.kind !== "person") return;
  await write(
    deps,
    actor,
    (_tx, audit) =>
      audit({ action: "session.delete", subjectType: "person", subjectId: actor.id, summary: "Signed out" }),
    { invalidatesPages: false },
  );
}
