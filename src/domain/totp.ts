import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const totpFor = (secret: string, label = "", issuer = "") =>
  new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
  });

/** A new random secret (160 bits), base32 as people type it into an app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address a QR code carries. */
export function totpUri(secret: string, label: string, issuer: string): string {
  return totpFor(secret, label, issuer).toString();
}

/** The 30-second step a time falls in. */
export const stepAt = (now: Date) => Math.floor(now.getTime() / 1000 / PERIOD);

/** The code an app shows at a time (for tests and the end-to-end journeys). */
export function totpCode(secret: string, at: Date): string {
  return totpFor(secret).generate({ timestamp: at.getTime() });
}

/** The step of a code that matches now, a step before or a step after (clocks drift); null otherwise. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : stepAt(now) + delta;
}

/** Ten recovery codes like "k7m2-9xq4-p3td": easy to read aloud, 60 bits each. */
export function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** A recovery code as stored: hashed, after dropping spaces, dashes and case. */
export function hashRecoveryCode(code: string): string {
  const clean = code.toLowerCase().replace(/[\s-]+/g, "");
  return createHash("sha256").update(clean).digest("hex");
}

/** True when the text looks like a recovery code rather than a 6-digit code. */
export const looksLikeRecoveryCode = (code: string) => code.replace(/[\s-]+/g, "").length === 12;
