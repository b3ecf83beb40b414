import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../../http/env.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { deleteSession } from "../../http/sessions.js";
import { PageHeader } from "../../web/components.js";
import { safeNext, setSessionCookie } from "../auth/auth.pages.js";
import { finishSignIn } from "../auth/auth.service.js";
import { mayStartSignIn } from "../auth/throttle.service.js";
import { finishSsoSignIn, SSO_FLOW_MS, startSsoSignIn } from "./sso.flow.service.js";
import { mapSsoIdentity } from "./sso.mapping.service.js";
import { SsoProblem } from "./sso.problem.pages.js";

/** The cookie that ties a browser to its sign-in under way (a random id; the table holds its hash). */
export const SSO_FLOW_COOKIE = "sso_flow";
const cookiePath = "/sign-in/sso";
const tooManyStarts = "Too many sign-ins were started from your network. Please try again in 15 minutes.";

async function problemPage(c: AppContext, p: SsoProblem) {
  const res = await renderPage(c, {
    title: p.title,
    body: () => (
      <div class="wrap narrow">
        <PageHeader eyebrow={`Error ${p.status}`} title={p.title} lead={p.message} />
        <p>
          <a href="/sign-in">Back to the sign-in page</a>
        </p>
      </div>
    ),
  });
  return new Response(res.body, { status: p.status, headers: res.headers });
}

/** The provider sends the browser back here: the flow is finished, the person mapped and signed in. */
async function ssoCallback(c: AppContext) {
  const flowId = getCookie(c, SSO_FLOW_COOKIE);
  deleteCookie(c, SSO_FLOW_COOKIE, { path: cookiePath });
  try {
    const base = new URL(c.req.url);
    // The address the provider sent the browser to, as registered (behind a proxy the request's own URL differs).
    const callback = new URL(`${c.var.deps.config.baseUrl}/sign-in/sso/callback${base.search}`);
    const done = await finishSsoSignIn(c.var.deps, flowId, callback);
    const personId = await mapSsoIdentity(c.var.deps, done.org, done.provider, done.claims);
    const { token } = await finishSignIn(
      c.var.deps,
      personId,
      {
        ip: clientAddress(c),
        userAgent: c.req.header("user-agent"),
        requestId: c.var.requestId,
        issuer: done.claims.iss,
      },
      "single sign-on",
    );
    // Signing in as someone (perhaps someone else) ends the session this browser had.
    if (c.var.sessionToken) await deleteSession(c.var.deps, c.var.sessionToken);
    setSessionCookie(c, token);
    return c.redirect(safeNext(done.next), 303);
  } catch (e) {
    if (e instanceof SsoProblem) return problemPage(c, e);
    throw e;
  }
}

// A link rather than a form: a form's redirect to another site would be blocked by our own CSP
// (form-action 'self'). Starting a flow changes nothing until the provider sends the person back.
async function startSso(c: AppContext) {
  try {
    if (!(await mayStartSignIn(c.var.deps.db, clientAddress(c), c.var.deps.now()))) {
      throw new SsoProblem(429, "Too many sign-ins started", tooManyStarts);
    }
    const next = safeNext(c.req.query("next"));
    const { flowId, url } = await startSsoSignIn(c.var.deps, c.req.param("slug") ?? "", next);
    setCookie(c, SSO_FLOW_COOKIE, flowId, {
      httpOnly: true,
      // Lax: the provider sends the browser back with a top-level GET from its own site.
      sameSite: "Lax",
      secure: c.var.deps.config.secureCookies,
      path: cookiePath,
      maxAge: SSO_FLOW_MS / 1000,
    });
    c.header("Cache-Control", "no-store");
    return c.redirect(url, 303);
  } catch (e) {
    if (e instanceof SsoProblem) return problemPage(c, e);
    throw e;
  }
}

/** "Sign in with {acronym}": OpenID Connect's authorization code flow with PKCE, state and nonce. */
export const ssoPages = pageGroup([
  // Before /sign-in/sso/:slug, so "callback" is never taken for an agency.
  ["GET", "/sign-in/sso/callback", ssoCallback],
  ["GET", "/sign-in/sso/:slug", startSso],
]);
