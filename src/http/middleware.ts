import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Deps } from "../deps.js";
import { actorForApiToken } from "./api-tokens.js";
import { CSRF_COOKIE, CSRF_FIELD, csrfTokenFor, isValidCsrfToken, newNonce } from "./csrf.js";
import type { AppEnv } from "./env.js";
import { AppError } from "./errors.js";
import { parseForm } from "./forms.js";
import { loggablePath } from "./redact.js";
import { SESSION_COOKIE, sessionFor } from "./sessions.js";

/** Puts the dependencies on the context and logs one structured line per request. */
export function requestLogging(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("deps", deps);
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    const fields = {
      requestId: c.var.requestId,
      method: c.req.method,
      path: loggablePath(c.req.path),
      status,
      ms,
    };
    if (status >= 500) deps.log.error("request", fields);
    else deps.log.info("request", fields);
  };
}

/**
 * Resolves the actor from the session cookie; visitors cost no database query. On the JSON API an
 * `Authorization: Bearer` header wins: the actor is the token's agency (a focal point of it, no
 * more) and any session cookie is ignored, so a cookie can never lend its rights to a bearer call.
 */
export function loadActor(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("actor", { kind: "visitor", requestId: c.var.requestId });
    const authorization = c.req.path.startsWith("/api/") ? c.req.header("authorization") : undefined;
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      const person = bearer ? await actorForApiToken(deps.db, bearer, deps.now()) : null;
      if (!person) {
        throw new AppError("unauthenticated", "The API token is unknown, revoked or expired.");
      }
      c.set("actor", { ...person, requestId: c.var.requestId });
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const session = await sessionFor(deps.db, token, deps.now());
      if (session) {
        c.set("actor", { ...session.person, requestId: c.var.requestId });
        c.set("sessionToken", token);
        c.set("sessionExpiresAt", session.expiresAt);
      } else {
        deleteCookie(c, SESSION_COOKIE, { path: "/" });
      }
    }
    await next();
  };
}

/**
 * The only non-API POSTs without a CSRF token: they are authenticated by a signed token in the
 * address instead (mail clients send the RFC 8058 one-click unsubscribe with no cookies at all).
 */
const TOKEN_AUTHENTICATED_POSTS = new Set(["/news/unsubscribe"]);

/**
 * CSRF protection for every state-changing request outside the JSON API: the form (or the
 * `X-CSRF-Token` header) must carry the HMAC of this browser's nonce cookie.
 */
export function csrfProtection(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // One nonce per request: a page with two forms must not set two cookies, of which only the last holds.
    let issued: string | undefined;
    c.set("csrfToken", () => {
      let nonce = getCookie(c, CSRF_COOKIE) ?? issued;
      if (!nonce) {
        nonce = newNonce();
        issued = nonce;
        setCookie(c, CSRF_COOKIE, nonce, {
          httpOnly: true,
          sameSite: "Lax",
          secure: deps.config.secureCookies,
          path: "/",
        });
      }
      // A page carrying this browser's token must never be cached or shared with another visitor.
      c.header("Cache-Control", "private, no-store");
      return csrfTokenFor(deps.config.sessionSecret, nonce);
    });
    const unsafe = !["GET", "HEAD", "OPTIONS"].includes(c.req.method);
    const tokenAuthenticated = c.req.method === "POST" && TOKEN_AUTHENTICATED_POSTS.has(c.req.path);
    if (unsafe && !c.req.path.startsWith("/api/") && !tokenAuthenticated) {
      const type = c.req.header("content-type") ?? "";
      const isForm =
        type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
      const token =
        c.req.header("x-csrf-token") ?? (isForm ? String((await parseForm(c))[CSRF_FIELD] ?? "") : "");
      if (!isValidCsrfToken(deps.config.sessionSecret, getCookie(c, CSRF_COOKIE), token)) {
        throw new AppError(
          "csrf_failed",
          "This form has expired or did not come from this site. Please go back, reload the page and try again.",
        );
      }
    }
    await next();
  };
}

/**
 * The client's address for throttling and the sessions list. Behind a trusted reverse proxy it is
 * the last X-Forwarded-For hop (the one our proxy added; earlier ones are the client's to forge).
 * Requests without a socket (tests) count as local.
 */
export function clientAddress(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  if (c.var.deps?.config.trustProxy) {
    const hop = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (hop) return hop.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}
