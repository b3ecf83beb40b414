import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people } from "../../src/db/schema/index.js";
import { delayAfter, guessRules } from "../../src/features/auth/guess-throttle.service.js";
import { hashPassword } from "../../src/features/auth/passwords.service.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

// The clock the app reads; tests move it instead of sleeping.
let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const password = "correct horse battery";
const tick = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

async function account() {
  const me = await makePerson(t.deps, ["member", "focal_point"], "CSA");
  await t.deps.db
    .update(people)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(people.id, me.id));
  return me;
}

/** The socket the request seems to come from: the app reads the client address from it. */
const from = (address: string) => ({
  incoming: { socket: { remoteAddress: address, remoteFamily: "IPv4" } },
});

/** A sign-in form posted from one address, with a valid CSRF token. */
async function signInFrom(address: string, email: string, pw: string) {
  const b = await browser(t.deps, t.app);
  const body = new URLSearchParams({ _csrf: b.csrf, email, password: pw, next: "/private" });
  return t.app.request(
    "/sign-in",
    {
      method: "POST",
      headers: { cookie: b.cookie, "content-type": "application/x-www-form-urlencoded" },
      body,
    },
    from(address),
  );
}

describe("progressive delays per account and address", () => {
  it("an attacker's 1,000 wrong passwords from one address do not stop the real user at another", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const me = await account();
    const started = performance.now();
    const statuses = { checked: 0, refused: 0 };
    // One guess a second, as fast as the attacker likes: most are refused before any hashing.
    for (let i = 0; i < 1000; i++) {
      const res = await signInFrom("198.51.100.7", me.email, `guess-${i}`);
      if (res.status === 429) {
        statuses.refused++;
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      } else {
        expect(res.status).toBe(422);
        statuses.checked++;
      }
      tick(1_000);
    }
    const attackMs = performance.now() - started;
    const real = await signInFrom("203.0.113.20", me.email, password);
    expect(real.status).toBe(303);
    expect(real.headers.get("location")).toBe("/private");
    // 3 free guesses, then delays of 1, 2, 4 … 512 s within the 1,000 simulated seconds.
    expect(statuses.checked).toBeLessThanOrEqual(14);
    expect(statuses.refused).toBeGreaterThanOrEqual(986);
    console.info(
      `throttling figures: 1000 guesses over 1000 simulated s -> ${statuses.checked} checked, ${statuses.refused} refused (429); ` +
        `wall time ${Math.round(attackMs)} ms (${(attackMs / 1000).toFixed(2)} ms per guess); real user from another address: ${real.status}`,
    );
  }, 120_000);

  it("a refusal says when to come back, and the right password then works", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const me = await account();
    for (let i = 0; i < guessRules.freeFailures; i++) {
      expect((await signInFrom("198.51.100.8", me.email, `nope-${i}`)).status).toBe(422);
    }
    // The third failure set a delay: even the right password waits it out, from that address.
    const refused = await signInFrom("198.51.100.8", me.email, password);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.text()).toContain("Too many failed attempts. Please wait 1 second and try again.");
    tick(1_000);
    expect((await signInFrom("198.51.100.8", me.email, password)).status).toBe(303);
  });

  it("delays grow 1 s, 2 s, 4 s … and stop growing at 15 minutes", () => {
    expect([1, 2, 3, 4, 5, 6].map(delayAfter)).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000]);
    expect(delayAfter(50)).toBe(15 * 60_000);
  });

  it("one address trying many accounts hits its cap; other addresses are not affected", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const me = await account();
    for (let i = 0; i < guessRules.addressCap; i++) {
      expect((await signInFrom("198.51.100.9", `someone${i}@example.org`, "whatever-password")).status).toBe(
        422,
      );
    }
    const capped = await signInFrom("198.51.100.9", me.email, password);
    expect(capped.status).toBe(429);
    expect(capped.headers.get("retry-after")).toBe(String(guessRules.addressWindowMs / 1000));
    expect((await signInFrom("203.0.113.21", me.email, password)).status).toBe(303);
  }, 120_000);
});

describe("behind a reverse proxy", () => {
  it("with TRUST_PROXY, the proxy's last X-Forwarded-For hop is the address; a forged first hop does not help", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const me = await account();
    t.deps.config = { ...t.deps.config, trustProxy: true };
    const post = async (forwardedFor: string, pw: string) => {
      const b = await browser(t.deps, t.app);
      const body = new URLSearchParams({ _csrf: b.csrf, email: me.email, password: pw });
      return t.app.request(
        "/sign-in",
        {
          method: "POST",
          headers: {
            cookie: b.cookie,
            "content-type": "application/x-www-form-urlencoded",
            "x-forwarded-for": forwardedFor,
          },
          body,
        },
        from("10.0.0.1"),
      );
    };
    for (let i = 0; i < guessRules.freeFailures; i++)
      expect((await post(`192.0.2.${i}, 198.51.100.50`, `nope-${i}`)).status).toBe(422);
    // The attacker's address is throttled whatever first hop they forge; the user behind the same proxy is not.
    expect((await post("192.0.2.99, 198.51.100.50", password)).status).toBe(429);
    expect((await post("203.0.113.51", password)).status).toBe(303);
  });
});

describe("the current password on the account page", () => {
  it("is throttled: 30 guesses from a stolen session are mostly refused, the owner elsewhere is not", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const me = await account();
    const b = await browser(t.deps, t.app, me);
    const attempt = (address: string, current: string) => {
      const body = new URLSearchParams({
        _csrf: b.csrf,
        currentPassword: current,
        newPassword: "a brand new long password",
        confirmPassword: "a brand new long password",
      });
      return t.app.request(
        "/private/account/password",
        {
          method: "POST",
          headers: { cookie: b.cookie, "content-type": "application/x-www-form-urlencoded" },
          body,
        },
        from(address),
      );
    };
    const seen: number[] = [];
    for (let i = 0; i < 30; i++) seen.push((await attempt("198.51.100.10", `guess-${i}`)).status);
    expect(seen.filter((s) => s === 422)).toHaveLength(guessRules.freeFailures);
    expect(seen.filter((s) => s === 429)).toHaveLength(30 - guessRules.freeFailures);
    const refused = await attempt("198.51.100.10", password);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect((await attempt("203.0.113.22", password)).status).toBe(303);
  });
});
