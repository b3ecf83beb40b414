import type { AppContext } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { parseForm } from "../../http/forms.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { write } from "../../kit/write.js";
import { safeNext, setSessionCookie } from "../auth/auth.pages.js";
import { finishSignIn } from "../auth/auth.service.js";
import {
  clearFailedGuesses,
  recordFailedGuess,
  refuseWhileThrottled,
  TooManyGuesses,
} from "../auth/guess-throttle.service.js";
import { dropCookie, ENROL_PATH, readCookie, SECOND_STEP_COOKIE } from "./cookies.pages.js";
import { factorsOf } from "./factors.queries.js";
import { deletePending, findPending } from "./pending.queries.js";
import { checkSecondFactor } from "./totp.service.js";
import { SecondStepForm } from "./views/second-step-form.js";

const wrongCode =
  "That code is not right. Enter the 6-digit code your app shows now, or one of your recovery codes.";
const reusedCode = "That code was already used. Wait for your app to show a new one, then enter it.";

export async function secondStepPage(
  c: AppContext,
  personId: number,
  error?: string,
  status: 200 | 422 | 429 = 200,
) {
  const f = await factorsOf(c.var.deps.db, personId);
  const csrf = c.var.csrfToken();
  return renderPage(
    c,
    {
      title: "Second step of signing in",
      body: () => <SecondStepForm totp={f.totp} passkeys={f.passkeys} error={error} csrf={csrf} />,
    },
    status,
  );
}

const pending = async (c: AppContext) =>
  findPending(c.var.deps.db, readCookie(c, SECOND_STEP_COOKIE), "second-step", c.var.deps.now());

async function secondStep(c: AppContext) {
  const p = await pending(c);
  if (!p?.personId) return c.redirect("/sign-in?expired=1", 303);
  return secondStepPage(c, p.personId);
}

/** A wrong or reused code counts as a guess for the person from this address. */
async function checkCode(c: AppContext) {
  const p = await pending(c);
  if (!p?.personId) return c.redirect("/sign-in?expired=1", 303);
  const deps = c.var.deps;
  const code = String((await parseForm(c)).code ?? "").trim();
  const now = deps.now();
  const guess = { scope: "second-factor", account: String(p.personId), address: clientAddress(c) } as const;
  try {
    await refuseWhileThrottled(deps.db, guess, now);
  } catch (e) {
    if (!(e instanceof TooManyGuesses)) throw e;
    c.header("Retry-After", String(e.retryAfterSeconds));
    return secondStepPage(c, p.personId, e.message, 429);
  }
  const used = code ? await checkSecondFactor(deps, p.personId, code, now) : null;
  if (used === null || used === "reused") {
    await recordFailedGuess(deps.db, guess, now);
    return secondStepPage(c, p.personId, used === "reused" ? reusedCode : wrongCode, 422);
  }
  await clearFailedGuesses(deps.db, guess);
  return completeSignIn(c, p.personId, p.next, used === "recovery" ? "recovery code" : "two-factor");
}

/** Ends a pending second step: opens the session, audits a spent recovery code, and goes on. */
export async function completeSignIn(c: AppContext, personId: number, next: string | null, method: string) {
  const deps = c.var.deps;
  const token = readCookie(c, SECOND_STEP_COOKIE);
  if (token) await deletePending(deps.db, token);
  dropCookie(c, SECOND_STEP_COOKIE);
  const done = await finishSignIn(
    deps,
    personId,
    { ip: clientAddress(c), userAgent: c.req.header("user-agent"), requestId: c.var.requestId },
    method,
  );
  if (method === "recovery code") {
    const left = (await factorsOf(deps.db, personId)).recoveryCodesLeft;
    await write(
      deps,
      done.person,
      (_tx, audit) =>
        audit({
          action: "two_factor.recovery_code_used",
          subjectType: "person",
          subjectId: personId,
          summary: `Signed in with a recovery code (${left} left)`,
        }),
      { invalidatesPages: false },
    );
  }
  setSessionCookie(c, done.token);
  return c.redirect(done.mustEnrol ? ENROL_PATH : safeNext(next), 303);
}

/** Thrown for a passkey that could not be checked. */
export const passkeyFailed = () =>
  new AppError("validation_failed", "The passkey could not be checked. Please try again.");

/** The second step of signing in (a code, a recovery code or a passkey) after a right password. */
export const secondStepPages = pageGroup([
  ["GET", "/sign-in/second-step", secondStep],
  ["POST", "/sign-in/second-step", checkCode],
]);
