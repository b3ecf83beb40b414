import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { accessRoutes } from "../support/access-routes.js";

/**
 * Routes that change something or sit under /private, yet are open to visitors by design: each
 * has its own tests of what a visitor may and may not do with it.
 */
const openToVisitors: Record<string, string> = {
  "POST /sign-in": "signing in",
  "POST /sign-out": "signing out ends one's own session only",
  "POST /sign-in/second-step": "the second step of a sign-in begun with the password",
  "POST /sign-in/second-step/passkey/options": "the same step with a passkey",
  "POST /sign-in/second-step/passkey": "the same step with a passkey",
  "POST /sign-in/passkey/options": "signing in with a passkey",
  "POST /sign-in/passkey": "signing in with a passkey",
  "POST /sign-in/forgotten": "asking for a reset mail",
  "POST /reset/:token": "a reset link's new password",
  "POST /setup/:code": "the first account, with the code the server printed",
  "POST /invitation/:token": "accepting an invitation by its link",
  "POST /contact": "the public contact form",
  "POST /contact/confirm": "confirming one's message by its link",
  "POST /contact/status": "reading one's message's status by its link",
  "POST /contact/withdraw": "withdrawing one's message by its link",
  "POST /news/subscribe": "subscribing to news",
  "POST /news/subscribe/confirm": "confirming a subscription by its link",
  "POST /news/unsubscribe": "leaving the news mail",
};

/** Every route the app answers: method and path pattern, as Hono registered them. */
function appRoutes() {
  const app = createApp({ config: { secureCookies: false } } as never);
  const seen = new Set<string>();
  for (const r of app.routes) if (r.method !== "ALL") seen.add(`${r.method} ${r.path}`);
  return [...seen];
}

/** True when a concrete matrix path (":x" stands for an id the test fills in) fits a route pattern. */
function fits(pattern: string, path: string): boolean {
  const want = pattern.split("/");
  const have = path.split("?")[0]!.split("/");
  if (want.length !== have.length) return false;
  return want.every((segment, i) => segment.startsWith(":") || segment === have[i]);
}

const mustBeInMatrix = (route: string) => {
  const [method, path] = route.split(" ") as [string, string];
  return (method !== "GET" && method !== "HEAD") || path.startsWith("/private");
};

describe("the access matrix covers the app", () => {
  it("lists every route that changes something or sits under /private, unless it is open by design", () => {
    const missing = appRoutes()
      .filter(mustBeInMatrix)
      .filter((route) => !(route in openToVisitors))
      .filter((route) => {
        const [method, pattern] = route.split(" ") as [string, string];
        return !accessRoutes.some((r) => r.method === method && fits(pattern, r.path));
      });
    expect(missing).toEqual([]);
  });

  it("names no open route the app does not have", () => {
    const routes = new Set(appRoutes());
    expect(Object.keys(openToVisitors).filter((route) => !routes.has(route))).toEqual([]);
  });
});
