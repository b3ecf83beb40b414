import { describe, expect, it } from "vitest";
import { maskAddress, redactMail, redactTokens } from "../../domain/redact-address.js";
import { retryDelayMs } from "./mail.delivery.jobs.js";
import { canSeeOutbox } from "./mail.policy.js";

const person = (roles: Array<"member" | "secretariat">) => ({
  kind: "person" as const,
  id: 1,
  name: "P",
  email: "p@example.org",
  organisationId: null,
  organisationAcronym: null,
  roles,
});

describe("mail", () => {
  it("retries after 1, 2, 4 ... minutes, at most an hour apart", () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 60, 60, 60]);
  });

  it("masks addresses and hides link tokens", () => {
    expect(maskAddress("jane.doe@example.org")).toBe("j•••@example.org");
    expect(maskAddress("broken")).toBe("•••");
    expect(redactTokens("see https://x/news/unsubscribe?token=12.abc_-Z> now")).toBe(
      "see https://x/news/unsubscribe?token=[hidden]> now",
    );
    expect(redactMail("To: jane@example.org\nhttps://x?token=abc", "jane@example.org")).toBe(
      "To: j•••@example.org\nhttps://x?token=[hidden]",
    );
  });

  it("only the secretariat sees the outbox", () => {
    expect(canSeeOutbox(person(["secretariat"]))).toBe(true);
    expect(canSeeOutbox(person(["member"]))).toBe(false);
    expect(canSeeOutbox({ kind: "visitor" })).toBe(false);
  });
});
