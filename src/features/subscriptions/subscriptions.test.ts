import { describe, expect, it } from "vitest";
import { canSeeSubscriberCounts } from "./subscriptions.policy.js";
import { subscribeInput } from "./subscriptions.schemas.js";
import {
  hashConfirmToken,
  newConfirmToken,
  unsubscribeToken,
  verifyUnsubscribeToken,
} from "./subscriptions.tokens.service.js";

describe("subscription tokens", () => {
  it("an unsubscribe token names its subscriber and cannot be forged or moved to another", () => {
    const token = unsubscribeToken("secret-1", 42);
    expect(verifyUnsubscribeToken("secret-1", token)).toBe(42);
    expect(verifyUnsubscribeToken("secret-2", token)).toBeNull();
    expect(verifyUnsubscribeToken("secret-1", token.replace(/^42\./, "43."))).toBeNull();
    expect(verifyUnsubscribeToken("secret-1", "42")).toBeNull();
    expect(verifyUnsubscribeToken("secret-1", undefined)).toBeNull();
  });

  it("confirmation tokens are random and stored only as a hash", () => {
    const a = newConfirmToken();
    const b = newConfirmToken();
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashConfirmToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });

  it("the form takes one valid address, trimmed", () => {
    expect(subscribeInput.parse({ email: "  a@example.org " }).email).toBe("a@example.org");
    expect(subscribeInput.safeParse({ email: "nope" }).success).toBe(false);
    expect(subscribeInput.safeParse({}).success).toBe(false);
  });

  it("only the secretariat sees subscriber counts", () => {
    expect(canSeeSubscriberCounts({ kind: "visitor" })).toBe(false);
    expect(
      canSeeSubscriberCounts({
        kind: "person",
        id: 1,
        name: "S",
        email: "s@example.org",
        organisationId: null,
        organisationAcronym: null,
        roles: ["secretariat"],
      }),
    ).toBe(true);
  });
});
