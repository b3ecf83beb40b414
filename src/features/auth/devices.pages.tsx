import { Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { listSessionsOf, SESSION_COOKIE } from "../../http/sessions.js";
import { ConfirmForm, CsrfField, Notice, PageHeader } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { DataTable } from "../../web/table.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { findPerson } from "../directory/directory.queries.js";
import { endOwnSession, endSessionsOf, ownTokens, revokeOwnToken } from "./devices.service.js";

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

/** Each person's sessions and API tokens, which they can end; the secretariat ends a person's sessions. */
export function devicePages() {
  const app = new Hono<AppEnv>();

  app.get("/private/account/sessions", async (c) => {
    const me = requirePerson(c);
    const deps = c.var.deps;
    const list = await listSessionsOf(deps.db, me.id, deps.now(), c.var.sessionToken);
    const tokens = await ownTokens(deps, me);
    const csrf = c.var.csrfToken();
    return renderPrivate(c, {
      title: "Sessions and devices",
      body: () => (
        <>
          <PageHeader
            title="Sessions and devices"
            lead="Where you are signed in, and the API tokens you created. End anything you do not recognise."
          />
          <Notice
            text={
              c.req.query("done") === "ended"
                ? "The session was ended."
                : c.req.query("done") === "revoked"
                  ? "The token was revoked."
                  : null
            }
          />
          <DataTable
            label="Sessions"
            rows={list}
            columns={[
              {
                heading: "Browser",
                cell: (s) => `${browserName(s.userAgent)}${s.current ? " (this browser)" : ""}`,
              },
              { heading: "Address", cell: (s) => s.ip ?? "Unknown" },
              { heading: "Signed in", cell: (s) => formatTimestamp(s.createdAt) },
              { heading: "Last seen", cell: (s) => (s.lastSeenAt ? formatTimestamp(s.lastSeenAt) : "—") },
              {
                heading: "Action",
                cell: (s) => (
                  <form method="post" action={`/private/account/sessions/${s.id}/end`} class="inline">
                    <CsrfField token={csrf} />
                    <button class="button button-small" type="submit">
                      {s.current ? "Sign out here" : "End"}
                    </button>
                  </form>
                ),
              },
            ]}
          />
          <h2>API tokens you created</h2>
          {tokens.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul>
              {tokens.map((t) => (
                <li>
                  “{t.name}” ({t.prefix}…), created {formatTimestamp(t.createdAt)},{" "}
                  {t.lastUsedAt ? `last used ${formatTimestamp(t.lastUsedAt)}` : "never used"}{" "}
                  <form method="post" action={`/private/account/tokens/${t.id}/revoke`} class="inline">
                    <CsrfField token={csrf} />
                    <button class="button button-small button-danger" type="submit">
                      Revoke
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    });
  });

  app.post("/private/account/sessions/:id/end", async (c) => {
    const me = requirePerson(c);
    const id = c.req.param("id");
    const current = (await listSessionsOf(c.var.deps.db, me.id, c.var.deps.now(), c.var.sessionToken)).find(
      (s) => s.current,
    );
    await endOwnSession(c.var.deps, me, id);
    if (current?.id === id) {
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.redirect("/sign-in", 303);
    }
    return c.redirect("/private/account/sessions?done=ended", 303);
  });

  app.post("/private/account/tokens/:id/revoke", async (c) => {
    await revokeOwnToken(c.var.deps, requirePerson(c), idParam(c.req.param("id")));
    return c.redirect("/private/account/sessions?done=revoked", 303);
  });

  app.get("/private/people/:id/sessions/end", async (c) => {
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
  });
  app.post("/private/people/:id/sessions/end", async (c) => {
    const id = idParam(c.req.param("id"));
    await endSessionsOf(c.var.deps, requirePerson(c), id);
    return c.redirect(`/private/people/${id}/edit`, 303);
  });

  return app;
}
