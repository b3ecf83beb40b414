import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  stepAt,
  totpCode,
} from "./totp.js";

const now = new Date("2031-03-02T09:00:10Z");

describe("TOTP codes", () => {
  it("a code from now, a step before or a step after matches, with its step; two steps away does not", () => {
    const secret = newTotpSecret();
    for (const offset of [-1, 0, 1]) {
      const code = totpCode(secret, new Date(now.getTime() + offset * 30_000));
      expect(matchingStep(secret, code, now)).toBe(stepAt(now) + offset);
    }
    expect(matchingStep(secret, totpCode(secret, new Date(now.getTime() + 61_000)), now)).toBeNull();
  });

  it("spaces in a typed code are fine; anything but six digits is refused", () => {
    const secret = newTotpSecret();
    const code = totpCode(secret, now);
    expect(matchingStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(stepAt(now));
    expect(matchingStep(secret, `${code}0`, now)).toBeNull();
  });

  it("recovery codes are ten, all different, and match whatever their case and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(looksLikeRecoveryCode(codes[0]!)).toBe(true);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replace(/-/g, " "))).toBe(hashRecoveryCode(codes[0]!));
  });
});
