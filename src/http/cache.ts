import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import type { Deps } from "../deps.js";
import type { AppEnv } from "./env.js";
import { SESSION_COOKIE } from "./sessions.js";

// Headers that belong to one response only and are never replayed from the cache.
const perResponse = new Set(["set-cookie", "x-request-id", "date", "etag", "content-length"]);

/** A cache hit ready to send, headers as a flat list of names and values; no body for HEAD or 304. */
type Hit = { status: 200 | 304; headers: string[]; body: Uint8Array | null };

type HeaderReader = (name: string) => string | undefined;

/** Cheap unique request ids for hits: a random prefix per process and a counter. */
const idPrefix = randomBytes(6).toString("base64url");
let sequence = 0;

/** Neither signed in nor calling with an API token: someone who gets the same page as everyone. */
const isVisitor = (header: HeaderReader) =>
  !header("authorization") && !header("cookie")?.includes(`${SESSION_COOKIE}=`);

/**
 * The cached answer to a visitor's GET or HEAD of `key` (path and query), if there is one.
 * Signed-in requests always get a fresh page (their header differs), and so do API tokens.
 */
function cachedAnswer(deps: Deps, method: string, key: string, header: HeaderReader): Hit | undefined {
  if ((method !== "GET" && method !== "HEAD") || !isVisitor(header)) return undefined;
  const page = deps.cache.get(key);
  if (!page) return undefined;
  const requestId = `${idPrefix}-${(++sequence).toString(36)}`;
  const fresh = header("if-none-match") === page.etag;
  deps.log.info("request", { requestId, method, path: key, status: fresh ? 304 : 200, cache: "hit" });
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
 * the result with every header (security headers included) precomputed. Any write clears it.
 */
export function publicPageCache(deps: Deps): MiddlewareHandler<AppEnv> {
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
    if (method !== "GET" || !isVisitor(header)) return next();
    const version = deps.cache.currentVersion;
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    // Only cache what did not set cookies (no per-browser content such as CSRF tokens).
    if (
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
    const headers = ["ETag", etag, "Content-Length", String(body.byteLength), "X-Cache", "hit"];
    c.res.headers.forEach((value, name) => {
      if (!perResponse.has(name)) headers.push(name, value);
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
function requestHeaderReader(c: Context<AppEnv>): HeaderReader {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) return (name) => incoming.headers[name] as string | undefined;
  return (name) => c.req.header(name);
}

const isCacheable = (type: string) =>
  type.startsWith("text/html") || type.startsWith("image/svg+xml") || type.startsWith("application/json");
