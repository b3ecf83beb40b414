import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import type { Deps } from "../deps.js";
import { SESSION_COOKIE } from "../features/auth/sessions.js";
import type { AppEnv } from "./env.js";

// Headers that belong to one response only and are never replayed from the cache.
const perResponse = new Set(["set-cookie", "x-request-id", "date", "etag", "content-length"]);

/**
 * Serves visitors' GET pages from the page cache, first thing in the chain, replaying the headers
 * (security headers included) of the response that filled it; on a miss, renders through the
 * whole chain and stores the result. Requests with a session cookie always get a fresh page
 * (their header differs), and so do requests with an API token; any write clears the cache.
 */
export function publicPageCache(deps: Deps): MiddlewareHandler<AppEnv> {
  // Cheap unique request ids for hits: a random prefix per app and a counter.
  const idPrefix = randomBytes(6).toString("base64url");
  let sequence = 0;
  return async (c, next) => {
    const method = c.req.method;
    const header = requestHeaderReader(c);
    const signedIn = header("cookie")?.includes(`${SESSION_COOKIE}=`) || header("authorization");
    if ((method !== "GET" && method !== "HEAD") || signedIn) {
      return next();
    }
    const url = c.req.url;
    const key = url.slice(url.indexOf("/", 8));
    const hit = deps.cache.get(key);
    if (hit) {
      const requestId = `${idPrefix}-${(++sequence).toString(36)}`;
      const headers = { ...hit.headers, "X-Request-Id": requestId };
      const fresh = header("if-none-match") === hit.etag;
      deps.log.info("request", { requestId, method, path: key, status: fresh ? 304 : 200, cache: "hit" });
      if (fresh) return new Response(null, { status: 304, headers });
      return new Response(method === "HEAD" ? null : (hit.body as Uint8Array<ArrayBuffer>), {
        status: 200,
        headers,
      });
    }
    const version = deps.cache.currentVersion;
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    // Only cache what did not set cookies (no per-browser content such as CSRF tokens).
    if (
      method !== "GET" ||
      c.res.status !== 200 ||
      c.res.headers.has("set-cookie") ||
      // Pages with a per-browser form token say so, even when the browser already had its cookie.
      c.res.headers.get("cache-control")?.includes("no-store") ||
      !isCacheable(type)
    )
      return;
    // Kept as bytes with every header precomputed, so a hit costs no encoding or header building.
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    const headers: Record<string, string> = {
      ETag: etag,
      "Content-Length": String(body.byteLength),
      "X-Cache": "hit",
    };
    c.res.headers.forEach((value, name) => {
      if (!perResponse.has(name)) headers[name] = value;
    });
    deps.cache.set(key, { body, etag, headers }, version);
    c.res.headers.set("ETag", etag);
  };
}

/**
 * Reads request headers from Node's own request when there is one: asking the web Request for
 * its headers makes the Node adapter build a full Request object, which would halve the speed of
 * a cache hit. Without a Node request (tests via app.request) it falls back to the web API.
 */
function requestHeaderReader(c: Context<AppEnv>): (name: string) => string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) return (name) => incoming.headers[name] as string | undefined;
  return (name) => c.req.header(name);
}

const isCacheable = (type: string) =>
  type.startsWith("text/html") || type.startsWith("image/svg+xml") || type.startsWith("application/json");
