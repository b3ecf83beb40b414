import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Name of the cookie that holds the per-browser CSRF nonce and of the form field with its token. */
export const CSRF_COOKIE = "isecg_csrf";
export const CSRF_FIELD = "_csrf";

export const newNonce = () => randomBytes(18).toString("base64url");

/** The token a form must echo: an HMAC of the browser's nonce, so a planted cookie alone is useless. */
export function csrfTokenFor(secret: string, nonce: string): string {
  return createHmac("sha256", secret).update(`csrf:${nonce}`).digest("base64url");
}

/** True when the submitted token matches the nonce cookie. */
export function isValidCsrfToken(
  secret: string,
  nonce: string | undefined,
  token: string | undefined,
): boolean {
  if (!nonce || !token) return false;
  const expected = Buffer.from(csrfTokenFor(secret, nonce));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
