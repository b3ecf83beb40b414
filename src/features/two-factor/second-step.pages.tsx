import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { parseForm } from "../../http/forms.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPage } from "../../http/page.js";
import { write } from "../../kit/write.js";
import { CsrfField, Field } from "../../web/components.js";
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
import { PasskeySecondStep } from "./views/passkey-forms.js";

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
  const errors = error ? { code: error } : undefined;
  return renderPage(
    c,
    {
      title: "Second step of signing in",
      body: () => (
        <div class="wrap narrow">
          <h1>One more step</h1>
          <p class="lead">Your password was right. Now show it is really you.</p>
          {error ? (
            <div class="error-summary" role="alert">
              <h2>{error}</h2>
            </div>
          ) : null}
          <form method="post" action="/sign-in/second-step" class="form" novalidate>
            <CsrfField token={csrf} />
            <Field
              name="code"
              label={f.totp ? "Code from your authenticator app, or a recovery code" : "A recovery code"}
              hint={
                f.totp ? "Six digits, such as 123 456. A recovery code looks like abcd-efgh-jkmn." : undefined
              }
              autocomplete="one-time-code"
              inputmode={f.totp ? "numeric" : undefined}
              errors={errors}
              required
            />
            <p class="form-actions">
              <button class="button" type="submit">
                Continue
              </button>
            </p>
          </form>
          {f.passkeys > 0 ? <PasskeySecondStep csrf={csrf} /> : null}
          <p>Lost your phone and your recovery codes? Ask the secretariat to reset your second factors.</p>
        </div>
      ),
    },
    status,
  );
}

/** The second step of signing in (a code, a recovery code or a passkey) after a right password. */
export function secondStepPages() {
  const app = new Hono<AppEnv>();
  const pending = async (c: AppContext) =>
    findPending(c.var.deps.db, readCookie(c, SECOND_STEP_COOKIE), "second-step", c.var.deps.now());

  app.get("/sign-in/second-step", async (c) => {
    const p = await pending(c);
    if (!p?.personId) return c.redirect("/sign-in?expired=1", 303);
    return secondStepPage(c, p.personId);
  });

  app.post("/sign-in/second-step", async (c) => {
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
  });

  return app;
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
