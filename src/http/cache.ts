import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { Deps } from "../deps.js";
import type { AppEnv } from "./env.js";

/**
 * Serves visitors' GET pages from the page cache and fills it after rendering. Signed-in
 * people get fresh pages (their header differs); any write clears the cache.
 */
export function publicPageCache(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" || c.var.actor.kind !== "visitor") return next();
    const key = c.req.url.slice(c.req.url.indexOf("/", 8));
    const hit = deps.cache.get(key);
    if (hit) {
      if (c.req.header("if-none-match") === hit.etag) return c.body(null, 304, { ETag: hit.etag });
      return c.body(hit.body, 200, { "Content-Type": hit.contentType, ETag: hit.etag, "X-Cache": "hit" });
    }
    const version = deps.cache.currentVersion;
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    // Only cache pages that did not set cookies (no per-browser content such as CSRF tokens).
    if (c.res.status !== 200 || c.res.headers.has("set-cookie") || !isCacheable(type)) return;
    const body = await c.res.clone().text();
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    deps.cache.set(key, { body, etag, contentType: type }, version);
    c.res.headers.set("ETag", etag);
  };
}

const isCacheable = (type: string) =>
  type.startsWith("text/html") || type.startsWith("image/svg+xml") || type.startsWith("application/json");
