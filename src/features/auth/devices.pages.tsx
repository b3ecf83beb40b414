import { deleteCookie } from "hono/cookie";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { listSessionsOf, SESSION_COOKIE } from "../../http/sessions.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { findPerson } from "../directory/directory.queries.js";
import { endOwnSession, endSessionsOf, ownTokens, revokeOwnToken } from "./devices.service.js";
import { Devices } from "./views/devices.js";

/** A short, readable name for a browser from its user agent. */
export function browserName(ua: string | null): string {
  if (!ua) return "Unknown browser";
  const name = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : "Other browser";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return os ? `${name} on ${os}` : name;
}

async function sessionsAndDevices(c: AppContext) {
  const me = requirePerson(c);
  const deps = c.var.deps;
  const list = await listSessionsOf(deps.db, me.id, deps.now(), c.var.sessionToken);
  const tokens = await ownTokens(deps, me);
  const csrf = c.var.csrfToken();
  const done = c.req.query("done");
  return renderPrivate(c, {
    title: "Sessions and devices",
    body: () => (
      <Devices
        sessions={list.map((s) => ({ ...s, browser: browserName(s.userAgent) }))}
        tokens={tokens}
        notice={
          done === "ended" ? "The session was ended." : done === "revoked" ? "The token was revoked." : null
        }
        csrf={csrf}
      />
    ),
  });
}

/** Ending the session of this very browser signs it out. */
async function endSession(c: AppContext) {
  const me = requirePerson(c);
  const id = c.req.param("id") ?? "";
  const current = (await listSessionsOf(c.var.deps.db, me.id, c.var.deps.now(), c.var.sessionToken)).find(
    (s) => s.current,
  );
  await endOwnSession(c.var.deps, me, id);
  if (current?.id === id) {
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/sign-in", 303);
  }
  return c.redirect("/private/account/sessions?done=ended", 303);
}

async function revokeToken(c: AppContext) {
  await revokeOwnToken(c.var.deps, requirePerson(c), idParam(c.req.param("id")));
  return c.redirect("/private/account/sessions?done=revoked", 303);
}

async function confirmEndSessions(c: AppContext) {
  authorize(canManageDirectory(requirePerson(c)), "Only the secretariat ends other people's sessions.");
  const found = await findPerson(c.var.deps.db, idParam(c.req.param("id")));
  if (!found) throw notFound("The person");
  return renderPrivate(c, {
    title: "End every session?",
    body: () => (
      <>
        <PageHeader
          title={`End every session of ${found.person.name}?`}
          lead="They are signed out on every device and must sign in again. Their API tokens are not affected."
        />
        <ConfirmForm
          action={`/private/people/${found.person.id}/sessions/end`}
          csrf={c.var.csrfToken()}
          button="End every session"
          back={`/private/people/${found.person.id}/edit`}
        />
      </>
    ),
  });
}

async function endSessions(c: AppContext) {
  const id = idParam(c.req.param("id"));
  await endSessionsOf(c.var.deps, requirePerson(c), id);
  return c.redirect(`/private/people/${id}/edit`, 303);
}

/** Each person's sessions and API tokens, which they can end; the secretariat ends a person's sessions. */
export const devicePages = pageGroup([
  ["GET", "/private/account/sessions", sessionsAndDevices],
  ["POST", "/private/account/sessions/:id/end", endSession],
  ["POST", "/private/account/tokens/:id/revoke", revokeToken],
  ["GET", "/private/people/:id/sessions/end", confirmEndSessions],
  ["POST", "/private/people/:id/sessions/end", endSessions],
]);
