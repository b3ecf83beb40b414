import { deleteCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../../http/env.js";
import { AppError, type FieldErrors } from "../../http/errors.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { deleteSession, SESSION_COOKIE, SESSION_DAYS } from "../../http/sessions.js";
import { enabledSsoOrganisations } from "../sso/sso.settings.queries.js";
import { ENROL_PATH, setSecondStepCookie } from "../two-factor/cookies.pages.js";
import { recordSignOut, signIn } from "./auth.service.js";
import { TooManyGuesses } from "./guess-throttle.service.js";
import { SignInForm } from "./views/sign-in-form.js";

/**
 * Only paths of this site may follow a sign-in, so the form cannot send people elsewhere. Browsers
 * read a backslash as "/" and drop tabs and newlines, so "/" + backslash + "evil.example" and
 * "/" + tab + "/evil.example" lead off-site as "//evil.example" does; so does an encoded slash or
 * backslash right after the first one.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/")) return "/private";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\\\u0000-\u0020\u007f]/.test(next) || /^\/(\/|%2f|%5c)/i.test(next)) return "/private";
  return new URL(next, "http://same.site").origin === "http://same.site" ? next : "/private";
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind https. */
export function setSessionCookie(c: AppContext, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: c.var.deps.config.secureCookies,
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

export async function signInPage(
  c: AppContext,
  form: { email?: string; next?: string; errors?: FieldErrors; message?: string },
  status: 200 | 422 | 429 = 200,
) {
  const sso = await enabledSsoOrganisations(c.var.deps.db);
  return renderPage(
    c,
    {
      title: "Sign in",
      body: () => (
        <SignInForm
          notice={
            c.req.query("done") === "reset"
              ? "Your password was changed and every session ended. Sign in with the new password."
              : c.req.query("expired") === "1"
                ? "The sign-in took too long. Please start again."
                : null
          }
          csrf={c.var.csrfToken()}
          next={safeNext(form.next)}
          sso={sso}
          email={form.email}
          errors={form.errors}
          message={form.message}
        />
      ),
    },
    status,
  );
}

async function signInForm(c: AppContext) {
  if (c.var.actor.kind === "person") return c.redirect(safeNext(c.req.query("next")), 303);
  return signInPage(c, { next: c.req.query("next") });
}

/** A second factor, when the person has one, is asked for on its own page before the session starts. */
async function submitSignIn(c: AppContext) {
  const body = await c.req.parseBody();
  try {
    const result = await signIn(c.var.deps, body, {
      ip: clientAddress(c),
      userAgent: c.req.header("user-agent"),
      requestId: c.var.requestId,
      next: safeNext(body.next),
    });
    if (result.kind === "second-step") {
      setSecondStepCookie(c, result.pendingToken);
      return c.redirect("/sign-in/second-step", 303);
    }
    setSessionCookie(c, result.token);
    return c.redirect(result.mustEnrol ? ENROL_PATH : safeNext(body.next), 303);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const status = e.code === "rate_limited" ? 429 : 422;
    if (e instanceof TooManyGuesses) c.header("Retry-After", String(e.retryAfterSeconds));
    return signInPage(
      c,
      {
        email: String(body.email ?? ""),
        next: String(body.next ?? ""),
        errors: e.fields,
        message: e.message,
      },
      status,
    );
  }
}

async function signOut(c: AppContext) {
  const token = c.var.sessionToken;
  if (token) {
    await recordSignOut(c.var.deps, c.var.actor);
    await deleteSession(c.var.deps, token);
  }
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
  return c.redirect("/", 303);
}

/** Sign-in and sign-out. */
export const authPages = pageGroup([
  ["GET", "/sign-in", signInForm],
  ["POST", "/sign-in", submitSignIn],
  ["POST", "/sign-out", signOut],
]);
