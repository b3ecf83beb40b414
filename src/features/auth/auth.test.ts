import { describe, expect, it } from "vitest";
import { csrfTokenFor, isValidCsrfToken } from "../../http/csrf.js";
import { dummyHash, hashPassword, verifyPassword } from "./passwords.service.js";

describe("passwords", () => {
  it("are hashed with scrypt and a random salt, and verify only with the same password", async () => {
    const a = await hashPassword("a long enough secret");
    const b = await hashPassword("a long enough secret");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("a long enough secret", a)).toBe(true);
    expect(await verifyPassword("a long enough secreT", a)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });

  it("check a missing account against a hash of the same cost and length, which nothing matches", async () => {
    const real = (await hashPassword("a long enough secret")).split("$");
    const dummy = dummyHash.split("$");
    expect(dummy.slice(0, 4)).toEqual(real.slice(0, 4));
    expect(dummy.map((part) => part.length)).toEqual(real.map((part) => part.length));
    expect(await verifyPassword("", dummyHash)).toBe(false);
    expect(await verifyPassword("a long enough secret", dummyHash)).toBe(false);
  });
});

describe("CSRF tokens", () => {
  it("match only their own nonce and secret", () => {
    const token = csrfTokenFor("secret-1", "nonce-1");
    expect(isValidCsrfToken("secret-1", "nonce-1", token)).toBe(true);
    expect(isValidCsrfToken("secret-1", "nonce-2", token)).toBe(false);
    expect(isValidCsrfToken("secret-2", "nonce-1", token)).toBe(false);
    expect(isValidCsrfToken("secret-1", undefined, token)).toBe(false);
    expect(isValidCsrfToken("secret-1", "nonce-1", "")).toBe(false);
  });
});
