import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import type { Deps } from "../deps.js";
import type { AppEnv } from "./env.js";
import type { CachedPage } from "./page-cache.js";
import { SESSION_COOKIE } from "./sessions.js";

// Headers that belong to one response only and are never replayed from the cache.
const perResponse = new Set(["set-cookie", "x-request-id", "date", "etag", "content-length"]);

/** A cache hit ready to send, headers as a flat list of names and values; no body for HEAD or 304. */
type Hit = { status: 200 | 304; headers: string[]; body: Uint8Array | null };

type HeaderReader = (name: string) => string | undefined;

/** Cheap unique request ids for hits: a random prefix per process and a counter. */
const idPrefix = randomBytes(6).toString("base64url");
let sequence = 0;

/**
 * Signed-in pages never kept: they show what changes without `write()`, so no write tells that they
 * are stale. Those writes: sessions and their last use, API tokens' last use, sign-in throttles,
 * second factors and pending second steps, SSO flows (src/http, features auth, two-factor, sso) and
 * mail delivery (the outbox). A new write outside `write()` must add the pages that show it here.
 */
const NEVER_KEPT = [
  "/private/account",
  "/private/settings",
  "/private/tokens",
  "/private/outbox",
  "/private/people",
  "/private/calendar",
];

const keptSignedIn = (path: string) =>
  path.startsWith("/private") &&
  !NEVER_KEPT.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`));

/**
 * Where a GET or HEAD of `path` (with its query) may be kept: a visitor's by its address, since
 * every visitor gets the same page; a signed-in page by its address and the browser's whole Cookie
 * header (the session and the CSRF nonce its forms carry). API calls are never kept.
 */
function slotFor(method: string, path: string, header: HeaderReader): Slot | undefined {
  if ((method !== "GET" && method !== "HEAD") || header("authorization")) return undefined;
  const cookie = header("cookie");
  if (!cookie?.includes(`${SESSION_COOKIE}=`)) return { signedIn: false, key: path };
  return keptSignedIn(path) ? { signedIn: true, key: `${path}\n${cookie}` } : undefined;
}

type Slot = { signedIn: boolean; key: string };

/** The cached answer to a GET or HEAD, if there is one. */
function cachedAnswer(deps: Deps, method: string, path: string, header: HeaderReader): Hit | undefined {
  const slot = slotFor(method, path, header);
  if (!slot) return undefined;
  const page = slot.signedIn
    ? deps.cache.getSignedIn(slot.key, deps.now().getTime())
    : deps.cache.get(slot.key);
  if (!page) return undefined;
  const requestId = `${idPrefix}-${(++sequence).toString(36)}`;
  const fresh = header("if-none-match") === page.etag;
  deps.log.info("request", { requestId, method, path, status: fresh ? 304 : 200, cache: "hit" });
  const headers = page.headers.concat("X-Request-Id", requestId);
  if (fresh) return { status: 304, headers, body: null };
  return { status: 200, headers, body: method === "HEAD" ? null : page.body };
}

/**
 * Answers a request from the page cache straight on Node's request and response, before the
 * request reaches Hono: building the web Request and Response objects for a hit cost more than
 * the rest of the hit. Returns false on a miss, and the caller hands the request to the app.
 */
export function answerFromPageCache(deps: Deps, req: IncomingMessage, res: ServerResponse): boolean {
  const hit = cachedAnswer(
    deps,
    req.method ?? "GET",
    req.url ?? "/",
    (name) => req.headers[name] as string | undefined,
  );
  if (!hit) return false;
  res.writeHead(hit.status, hit.headers);
  res.end(hit.body ?? undefined);
  return true;
}

/**
 * The same cache inside the app, first thing in the chain: answers hits where no Node server is
 * in front (tests through app.request), and on a miss renders through the whole chain and stores
 * the result with every header (security headers included) precomputed. Any write clears visitors'
 * pages; every write, also one only members see, clears signed-in pages, which are also kept no
 * longer than the minute they were made in (a deadline's "in 3 days") nor past their session.
 */
export function pageCache(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    const header = requestHeaderReader(c);
    const url = c.req.url;
    const key = url.slice(url.indexOf("/", 8));
    const hit = cachedAnswer(deps, method, key, header);
    if (hit) {
      const headers = new Headers();
      for (let k = 0; k < hit.headers.length; k += 2) headers.append(hit.headers[k]!, hit.headers[k + 1]!);
      return new Response(hit.body as Uint8Array<ArrayBuffer> | null, { status: hit.status, headers });
    }
    const slot = method === "GET" ? slotFor(method, key, header) : undefined;
    if (!slot) return next();
    const version = slot.signedIn ? deps.cache.currentSignedInVersion : deps.cache.currentVersion;
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    // Only what set no cookie (a new session, a first CSRF nonce) is kept.
    if (c.res.status !== 200 || c.res.headers.has("set-cookie")) return;
    if (slot.signedIn) {
      const expires = c.var.sessionExpiresAt;
      if (c.var.actor?.kind !== "person" || !expires || !type.startsWith("text/html")) return;
      const now = deps.now().getTime();
      const until = Math.min(expires.getTime(), (Math.floor(now / 60_000) + 1) * 60_000);
      deps.cache.setSignedIn(slot.key, { ...(await ready(c)), until }, version);
      return;
    }
    // Pages with a per-browser form token say so, even when the browser already had its cookie.
    if (c.res.headers.get("cache-control")?.includes("no-store") || !isCacheable(type)) return;
    deps.cache.set(slot.key, await ready(c), version);
  };
}

/** The response as bytes with every header precomputed, so a hit costs no encoding or header building. */
async function ready(c: Context<AppEnv>): Promise<CachedPage> {
  const body = new Uint8Array(await c.res.clone().arrayBuffer());
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = ["ETag", etag, "Content-Length", String(body.byteLength), "X-Cache", "hit"];
  c.res.headers.forEach((value, name) => {
    if (!perResponse.has(name)) headers.push(name, value);
  });
  c.res.headers.set("ETag", etag);
  return { body, etag, headers };
}

/**
 * Reads request headers from Node's own request when there is one: asking the web Request for
 * its headers makes the Node adapter build a full Request object, which would halve the speed of
 * a cache hit. Without a Node request (tests via app.request) it falls back to the web API.
 */
function requestHeaderReader(c: Context<AppEnv>): HeaderReader {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) return (name) => incoming.headers[name] as string | undefined;
  return (name) => c.req.header(name);
}

const isCacheable = (type: string) =>
  type.startsWith("text/html") || type.startsWith("image/svg+xml") || type.startsWith("application/json");
