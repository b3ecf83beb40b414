import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";
import { AppError, type FieldErrors } from "./errors.js";

// NUL, or half of a surrogate pair without its partner: PostgreSQL text cannot hold the first (SQLSTATE
// 22021), and the second is no character at all (stored as U+FFFD, or refused inside JSON: 22P05).
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g");

/** True when a string holds a character no text column can store: NUL, or half a surrogate pair. */
export const isUnstorable = (s: string) => UNSTORABLE.test(s);

/** The string without the characters `isUnstorable` finds. */
export const withoutUnstorable = (s: string) => s.replace(UNSTORABLE_ALL, "");

/** The message for a field that held such a character. */
export const UNSTORABLE_FIELD =
  "This contained a character that cannot be stored (a NUL byte or a broken Unicode character).";

/** The message for a request that held one. */
export const UNSTORABLE_MESSAGE =
  "Some text contains a character that cannot be stored (a NUL byte or a broken Unicode character). Please remove it.";

/** A field message for every string in a parsed JSON value (keys included) holding an unstorable character. */
export function unstorableFields(value: unknown, path: string[] = [], out: FieldErrors = {}): FieldErrors {
  const here = path.join(".") || "_body";
  if (typeof value === "string") {
    if (isUnstorable(value)) out[here] = UNSTORABLE_FIELD;
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) unstorableFields(v, [...path, String(i)], out);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (isUnstorable(k)) out[here] = UNSTORABLE_FIELD;
      else unstorableFields(v, [...path, k], out);
    }
  }
  return out;
}

/**
 * True when a percent-encoded part of an address does not decode to text PostgreSQL can hold: a
 * stray `%`, bytes that are not UTF-8 (`%ff`, an encoded surrogate `%ED%A0%80`), or NUL (`%00`).
 */
export function isMalformedUrlPart(part: string): boolean {
  // Without a `%` nothing decodes: the URL parser has already encoded every raw character.
  if (!part.includes("%")) return false;
  try {
    return decodeURIComponent(part).includes("\0");
  } catch {
    return true;
  }
}

const JSON_TYPE = /^application\/([a-z.-]+\+)?json/i;
// Only an escape (\u0000, \ud800) can put NUL or a lone surrogate into a parsed JSON value: decoding
// the bytes never does. A body without one is not parsed here at all.
const SUSPECT_ESCAPE = /\\u(?:0000|d[89a-f])/i;

/** Refuses a JSON body holding text PostgreSQL cannot store: 422, with the fields that hold it. */
async function checkJsonBody(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<void> {
  if (!JSON_TYPE.test(c.req.header("content-type") ?? "")) return;
  // Hono caches the text: the route's own JSON validator parses it from there, not from the stream.
  const text = await c.req.text();
  if (!SUSPECT_ESCAPE.test(text)) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return; // Malformed JSON is the route validator's to refuse, with its usual message.
  }
  const fields = unstorableFields(value);
  if (Object.keys(fields).length > 0) throw new AppError("validation_failed", UNSTORABLE_MESSAGE, fields);
}

/**
 * One early guard against input no route should see: an address whose path or query is malformed or
 * holds NUL (400), and a JSON body holding NUL or a lone surrogate (422). Form bodies are checked by
 * the form reader (`readForm`), so that a form can be shown again with its message.
 */
export function rejectMalformedInput(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    if (url.includes("%")) {
      const { pathname, search } = new URL(url);
      if (isMalformedUrlPart(pathname)) {
        throw new AppError(
          "bad_request",
          "This address is not valid: it holds a character that is not allowed. Please check the link.",
        );
      }
      // `+` is a space in a query; it never makes one malformed, so it need not be replaced first.
      if (isMalformedUrlPart(search)) {
        throw new AppError(
          "bad_request",
          "The search or filter in this address is not valid: it holds a character that is not allowed.",
        );
      }
    }
    if (c.req.method !== "GET" && c.req.method !== "HEAD") await checkJsonBody(c);
    await next();
  };
}
