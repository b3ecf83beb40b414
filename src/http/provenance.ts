import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";

/**
 * The curation notes the dataset keeps beside its facts (where a fact came from, how sure we are):
 * the secretariat works with them, visitors never see them, in pages or in the API.
 */
const PROVENANCE_KEYS = [
  "sources",
  "uncertain",
  "uncertainNote",
  "uncertaintyNote",
  "certaintyNote",
  "certainty",
  "joinedUncertain",
  "joinNote",
];

/** Keys that are curation notes only on some resources (elsewhere a `note` is a record's own text). */
const NOTES_BY_PATH: Array<[RegExp, string[]]> = [
  [/^\/api\/v1\/members(\/|$)/, ["notes"]],
  [/^\/api\/v1\/chairs(\/|$)/, ["note"]],
];

/** A copy of a JSON value without the given keys, at any depth. */
export function withoutKeys(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutKeys(v, keys));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !keys.has(k))
      .map(([k, v]) => [k, withoutKeys(v, keys)]),
  );
}

/** Takes the curation notes out of the API's JSON answers to anyone not signed in. */
export const provenanceForMembersOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.var.actor?.kind === "person" || c.req.method !== "GET" || c.res.status !== 200) return;
  if (!c.res.headers.get("content-type")?.startsWith("application/json")) return;
  const keys = new Set(PROVENANCE_KEYS);
  for (const [path, extra] of NOTES_BY_PATH) if (path.test(c.req.path)) for (const k of extra) keys.add(k);
  const body = withoutKeys(await c.res.json(), keys);
  const headers = new Headers(c.res.headers);
  headers.delete("content-length");
  c.res = new Response(JSON.stringify(body), { status: 200, headers });
};
