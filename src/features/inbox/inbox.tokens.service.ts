import { createHmac, timingSafeEqual } from "node:crypto";

const mac = (secret: string, id: number) =>
  createHmac("sha256", secret).update(`inbox-status:${id}`).digest("base64url");

/** The sender's private status token: the message id and an HMAC of it. */
export function statusToken(secret: string, messageId: number): string {
  return `${messageId}.${mac(secret, messageId)}`;
}

/** The message id a genuine status token names, or null. */
export function verifyStatusToken(secret: string, token: string | undefined): number | null {
  const m = /^([1-9][0-9]{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!m) return null;
  const id = Number(m[1]);
  const expected = Buffer.from(mac(secret, id));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

const startedMac = (secret: string, ms: number) =>
  createHmac("sha256", secret).update(`contact-started:${ms}`).digest("base64url");

/** When the form was shown, signed so a robot cannot claim it took its time. */
export function startedToken(secret: string, at: Date): string {
  const ms = at.getTime();
  return `${ms}.${startedMac(secret, ms)}`;
}

/** The moment a genuine started token names, or null. */
export function verifyStartedToken(secret: string, token: string | undefined): Date | null {
  const m = /^([0-9]{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!m) return null;
  const ms = Number(m[1]);
  const expected = Buffer.from(startedMac(secret, ms));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? new Date(ms) : null;
}
