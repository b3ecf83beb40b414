import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const mac = (secret: string, id: number) =>
  createHmac("sha256", secret).update(`news-unsubscribe:${id}`).digest("base64url");

/** The unsubscribe token of a subscriber: their id and an HMAC of it, valid for good. */
export function unsubscribeToken(secret: string, subscriberId: number): string {
  return `${subscriberId}.${mac(secret, subscriberId)}`;
}

/** The subscriber id a genuine unsubscribe token names, or null. */
export function verifyUnsubscribeToken(secret: string, token: string | undefined): number | null {
  const m = /^([1-9][0-9]{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!m) return null;
  const id = Number(m[1]);
  const expected = Buffer.from(mac(secret, id));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** A fresh random confirmation token (sent by mail) and the hash kept in the database. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashConfirmToken(token) };
}

/** The stored form of a confirmation token. */
export const hashConfirmToken = (token: string) => createHash("sha256").update(token).digest("hex");
